// How a notification's text looks (agent-screen.md §4.5, decisions.md "text_size"):
// text_size in points, text_font as a family (or a comma list), text_weight by substring
// (bold, italic, underline, any combination), text_color a CSS name or 3/6-digit hex.
// Anything else is ignored, so the panel's own style applies.
import type { CSSProperties } from 'react';
import { CSS_COLOR_NAMES } from '../effects/css-colors.js';

export interface AlertTextInput {
  textSize?: unknown;
  textFont?: unknown;
  textWeight?: unknown;
  textColor?: unknown;
}

/** Points the alert accepts: smaller is unreadable, larger pushes the OK button off the panel. */
export const TEXT_PT = { min: 6, max: 72 } as const;
const GENERIC = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui']);

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export function alertColor(value: unknown): string | undefined {
  const v = str(value);
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(v);
  if (hex) return `#${hex[1].toLowerCase()}`;
  return CSS_COLOR_NAMES.has(v.toLowerCase()) ? v.toLowerCase() : undefined;
}

export function alertFontFamily(value: unknown): string | undefined {
  const families = str(value).split(',').map((f) => f.trim().replace(/^["']|["']$/g, '')).filter((f) => /^[\w -]{1,60}$/.test(f));
  if (!families.length) return undefined;
  return [...families.map((f) => (GENERIC.has(f.toLowerCase()) ? f.toLowerCase() : `"${f}"`)), 'sans-serif'].join(', ');
}

export function alertTextStyle(input: AlertTextInput): CSSProperties {
  const style: CSSProperties = {};
  const size = typeof input.textSize === 'number' ? input.textSize : Number(str(input.textSize));
  if (Number.isFinite(size) && size > 0) style.fontSize = `${Math.min(TEXT_PT.max, Math.max(TEXT_PT.min, size))}pt`;
  const family = alertFontFamily(input.textFont);
  if (family) style.fontFamily = family;
  const weight = str(input.textWeight).toLowerCase();
  style.fontWeight = weight.includes('bold') ? 700 : 400;
  if (weight.includes('italic')) style.fontStyle = 'italic';
  if (weight.includes('underline')) style.textDecorationLine = 'underline';
  const color = alertColor(input.textColor);
  if (color) style.color = color;
  return style;
}

export type AlertTone = 'celebrate' | 'warning' | 'info';

const PRAISE = /congrat|well done|great job|good job|awesome|excellent|bravo|thank|parab[eé]ns|[oó]timo|excelente|obrigad|felicidades|felicitaciones|enhorabuena|gracias|buen trabajo|🎉|🏆|⭐/i;
const WARNING = /urgent|warning|alert|attention|immediately|asap|now!|problem|error|aten[cç][aã]o|urgente|aviso|cuidado|problema|atenci[oó]n|inmediat/i;

/** The icon that fits the message: praise (or confetti) celebrates, urgency warns, anything else informs. */
export function alertTone(text: string, confetti: boolean): AlertTone {
  if (confetti || PRAISE.test(text)) return 'celebrate';
  return WARNING.test(text) ? 'warning' : 'info';
}
