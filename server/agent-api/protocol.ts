// Parameter intake and sanitising (api-reference.md §1.1–§1.3, decisions.md).
// Filters remove characters silently; they never reject. Lengths are checked later,
// by each function, on the filtered values.

/** Decode one application/x-www-form-urlencoded component the way PHP does. */
function formDecode(s: string): string {
  const plus = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    // Invalid escapes or invalid UTF-8: decode byte-wise, keep what is valid.
    const bytes: number[] = [];
    for (let i = 0; i < plus.length; ) {
      const m = /^%([0-9a-fA-F]{2})/.exec(plus.slice(i, i + 3));
      if (m) {
        bytes.push(parseInt(m[1], 16));
        i += 3;
      } else {
        // One code point (a character outside the BMP is two UTF-16 units).
        const ch = String.fromCodePoint(plus.codePointAt(i)!);
        for (const b of Buffer.from(ch, 'utf8')) bytes.push(b);
        i += ch.length;
      }
    }
    return Buffer.from(bytes).toString('utf8');
  }
}

/**
 * Parse a query or form string. A repeated name takes its last value (oracle gen.32);
 * an array-valued name (`value[]=1`) takes its first element (decisions: the reply its
 * first value would get, never a crash).
 */
export function parseForm(input: string): Map<string, string> {
  const out = new Map<string, string>();
  const arrays = new Set<string>();
  if (!input) return out;
  for (const part of input.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawName = formDecode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : formDecode(part.slice(eq + 1));
    const bracket = rawName.indexOf('[');
    if (bracket > 0 && rawName.endsWith(']')) {
      const name = rawName.slice(0, bracket);
      if (!arrays.has(name)) {
        arrays.add(name);
        out.set(name, value);
      }
      continue;
    }
    if (arrays.has(rawName)) continue;
    out.set(rawName, value);
  }
  return out;
}

export interface Intake {
  /** Raw (decoded, unfiltered) parameters: GET wins over POST per name. */
  raw: Map<string, string>;
  /** The query string of §1.1 used in logs and by refresh_panel, quotes/`;`/`\` removed. */
  queryString: string;
}

/** §1.1: GET wins per parameter; the log query string joins both with GET-AND-POST=Y. */
export function intake(rawQuery: string, rawBody: string | undefined): Intake {
  const get = parseForm(rawQuery);
  const post = parseForm(rawBody ?? '');
  const raw = new Map(post);
  for (const [k, v] of get) raw.set(k, v);
  let queryString = rawQuery;
  if (post.size > 0) {
    // Passwords are masked on the parsed pairs (a decoded `%26` in a password must not
    // split it into a masked part and a clear part), however the name was spelled.
    // A name that merely contains `pass` (a JSON body read as a form: `{"user":..,"pass":"..."}`)
    // is hidden whole.
    const postString = [...post].map(([k, v]) => (k === 'pass' ? 'pass=XXXXXXXX' : /pass/i.test(k) ? 'XXXXXXXX=XXXXXXXX' : `${k}=${v}`)).join('&');
    // The real script logs a POST-only request's POST string twice (oracle gen.25); we log
    // it once (Hardening: a 4 MiB body must not become an 8 MiB log row).
    queryString = rawQuery ? `${rawQuery}&GET-AND-POST=Y&${postString}` : `GET-AND-POST=Y&${postString}`;
  }
  return { raw, queryString: queryString.replace(/['"\\;]/g, '') };
}

// ---------------------------------------------------------------------------------------
// §1.3 filters. `L` marks classes where use_non_latin=1 turns a-zA-Z into any letter.

type Filter = (value: string, nonLatin: boolean) => string;

function keep(chars: string, latinAware: boolean): Filter {
  const ascii = new RegExp(`[^${chars}a-zA-Z]`, 'g');
  const unicode = new RegExp(`[^${chars}\\p{L}]`, 'gu');
  return (v, nonLatin) => v.replace(latinAware && nonLatin ? unicode : ascii, '');
}
function only(chars: string): Filter {
  const re = new RegExp(`[^${chars}]`, 'g');
  return (v) => v.replace(re, '');
}
const plusToSpace = (v: string) => v.replace(/\+/g, ' ');
const then = (...fs: Filter[]): Filter => (v, nl) => fs.reduce((acc, f) => f(acc, nl), v);
const toSpace: Filter = (v) => plusToSpace(v);
const removeQuotes: Filter = (v) => v.replace(/['"\\;]/g, '');
const userPrefilter: Filter = (v) => v.replace(/['"\\; ]/g, '');

const word = keep('\\-_0-9', true); // - _ 0-9 letters
const alnum = keep('0-9', true);
const upper = only('A-Z');
const digits = only('0-9');
const lightText: Filter = (v) => plusToSpace(v.replace(/[;#]/g, ''));

export const filters: Record<string, Filter> = {
  user: then(userPrefilter, word),
  pass: then(userPrefilter, keep('\\-.+/=_0-9', true)),
  agent_user: word, function: word, focus: word, preview: word, search: word, status: word,
  dial_ingroup: word, cid_choice: word, outbound_cid: word, recipient: word,
  value: keep('\\-|_0-9', true),
  notes: then(toSpace, keep('\\- ._0-9', true)),
  // decisions.md: `_` and `-` are kept in group_alias, so such ids can match.
  group_alias: word,
  dial_prefix: alnum, source: alnum, format: alnum, middle_initial: alnum, alt_user: alnum, text_color: alnum,
  vtiger_callback: upper, blended: upper, set_as_default: upper, country_code: upper, gender: upper,
  dial_override: upper, consultative: upper, callback_type: upper,
  alt_dial: only('0-9A-Z'),
  ingroup_choices: then(toSpace, keep('\\- _0-9', true)),
  phone_code: only('0-9X'),
  phone_number: keep('*#0-9', true),
  lead_id: digits, rank: digits, text_size: digits, duration: digits, maxParticleCount: digits, particleSpeed: digits,
  vendor_id: lightText, vendor_lead_code: lightText, source_id: lightText, comments: lightText, notification_text: lightText,
  gmt_offset_now: only('\\-_.0-9'),
  title: keep("\\- '_.0-9", true),
  first_name: then(keep("\\- '+_.0-9", true), toSpace),
  last_name: then(keep("\\- '+_.0-9", true), toSpace),
  alt_phone: then(keep("\\- '+_.0-9", true), toSpace),
  address1: then(keep("\\- '+.:/@_0-9", true), toSpace),
  address2: then(keep("\\- '+.:/@_0-9", true), toSpace),
  address3: then(keep("\\- '+.:/@_0-9", true), toSpace),
  city: then(keep("\\- '+.:/@_0-9", true), toSpace),
  security_phrase: then(keep("\\- '+.:/@_0-9", true), toSpace),
  owner: then(keep("\\- '+.:/@_0-9", true), toSpace),
  email: then(keep("\\- '+.:/@%_0-9", true), toSpace),
  state: keep('\\- 0-9', true),
  province: then(keep("\\- '+._0-9", true), toSpace),
  postal_code: keep('\\- 0-9', true),
  date_of_birth: only('\\-0-9'),
  callback_datetime: then(toSpace, keep('\\- :._0-9', true)),
  callback_comments: then(toSpace, keep('\\- ._0-9', true)),
  qm_dispo_code: keep('\\-._0-9', true),
  agent_debug: keep('\\- .:|_0-9', true),
  recipient_type: keep('_', true),
  notification_retry: only('YNyn'),
  show_confetti: only('YNyn'),
  text_font: keep(',\\- ', true),
  text_weight: keep(',', true),
  stage: removeQuotes,
  close_window_link: only('\\-_0-9a-zA-Z'),
  dnc_check: only('\\-_0-9a-zA-Z'),
  campaign_dnc_check: only('\\-_0-9a-zA-Z'),
  notification_date: only('\\- :0-9'),
  multi_dial_phones: only(',0-9'),
  md_check: only('0-9a-zA-Z'),
  tw_check: only('0-9a-zA-Z'),
  DB: only('0-9a-zA-Z'),
  // decisions.md: `language` (or the seed's `idioma`) picks the close-window link's language.
  language: only('a-zA-Z'),
};

export type ParamName = keyof typeof filters;

/** The complete list of parameters api.php reads (§1.1), plus `language`/`idioma`. */
export type Params = Record<ParamName, string>;

export function sanitize(raw: Map<string, string>, nonLatin: boolean): Params {
  const out = {} as Params;
  for (const [name, filter] of Object.entries(filters)) {
    let value = raw.get(name);
    if (name === 'language' && value === undefined) value = raw.get('idioma');
    out[name as ParamName] = value === undefined ? '' : filter(value, nonLatin);
  }
  return out;
}
