import { describe, expect, it } from 'vitest';
import { alertColor, alertFontFamily, alertTextStyle, alertTone } from './alert-style.js';

describe('notification text style', () => {
  it('uses points for the size, within 6–72 pt', () => {
    expect(alertTextStyle({ textSize: 18 }).fontSize).toBe('18pt');
    expect(alertTextStyle({ textSize: '14' }).fontSize).toBe('14pt');
    expect(alertTextStyle({ textSize: 400 }).fontSize).toBe('72pt');
    expect(alertTextStyle({ textSize: 'big' }).fontSize).toBeUndefined();
  });

  it('reads bold, italic and underline in any combination', () => {
    expect(alertTextStyle({ textWeight: 'bold' })).toMatchObject({ fontWeight: 700 });
    expect(alertTextStyle({ textWeight: 'italic,underline' })).toMatchObject({ fontWeight: 400, fontStyle: 'italic', textDecorationLine: 'underline' });
    expect(alertTextStyle({ textWeight: 'underline, bold ,italic' })).toMatchObject({ fontWeight: 700, fontStyle: 'italic', textDecorationLine: 'underline' });
    expect(alertTextStyle({ textWeight: 'normal' })).toEqual({ fontWeight: 400 });
  });

  it('accepts colour names and 3/6-digit hex with or without #, ignores the rest', () => {
    expect(alertColor('red')).toBe('red');
    expect(alertColor('DodgerBlue')).toBe('dodgerblue');
    expect(alertColor('#9900FF')).toBe('#9900ff');
    expect(alertColor('F0A')).toBe('#f0a');
    expect(alertColor('9900ff')).toBe('#9900ff');
    expect(alertColor('12345')).toBeUndefined();
    expect(alertColor('red;background:url(x)')).toBeUndefined();
    expect(alertColor('rgb(1,2,3)')).toBeUndefined();
    expect(alertTextStyle({ textColor: 'notacolor' }).color).toBeUndefined();
  });

  it('quotes font names, keeps generic families, drops anything odd', () => {
    expect(alertFontFamily('Arial')).toBe('"Arial", sans-serif');
    expect(alertFontFamily('Times New Roman, serif')).toBe('"Times New Roman", serif, sans-serif');
    expect(alertFontFamily('x";}body{display:none')).toBeUndefined();
  });

  it('picks an icon that fits the message', () => {
    expect(alertTone('Congratulations on your 10th sale!', false)).toBe('celebrate');
    expect(alertTone('Team meeting at 3', true)).toBe('celebrate');
    expect(alertTone('URGENT: call your supervisor', false)).toBe('warning');
    expect(alertTone('Parabéns pela venda!', false)).toBe('celebrate');
    expect(alertTone('Lunch menu is on the board', false)).toBe('info');
  });
});
