// Parameter intake and the §1.3 filter table (api-reference.md §1.1, §1.3; decisions.md).
import { describe, expect, it } from 'vitest';
import { filters, intake, parseForm, sanitize } from './protocol.js';

/** One probe string with a character of every kind the filter table mentions. */
const PROBE = `a Z9-_.|+*#:/@%',;"\\é=`;

/** [parameters, kept with use_non_latin=0, kept with use_non_latin=1] */
const TABLE: [string[], string, string][] = [
  [['user'], 'aZ9-_', 'aZ9-_é'],
  [['pass'], 'aZ9-_.+/=', 'aZ9-_.+/é='],
  [['agent_user', 'function', 'focus', 'preview', 'search', 'status', 'dial_ingroup', 'cid_choice', 'outbound_cid', 'recipient'], 'aZ9-_', 'aZ9-_é'],
  [['value'], 'aZ9-_|', 'aZ9-_|é'],
  [['notes'], 'a Z9-_. ', 'a Z9-_. é'],
  // decisions.md: group_alias keeps `_` and `-`.
  [['group_alias'], 'aZ9-_', 'aZ9-_é'],
  [['dial_prefix', 'source', 'format', 'middle_initial', 'alt_user', 'text_color'], 'aZ9', 'aZ9é'],
  [['vtiger_callback', 'blended', 'set_as_default', 'country_code', 'gender', 'dial_override', 'consultative', 'callback_type'], 'Z', 'Z'],
  [['alt_dial'], 'Z9', 'Z9'],
  [['ingroup_choices'], 'a Z9-_ ', 'a Z9-_ é'],
  [['phone_code'], '9', '9'],
  [['phone_number'], 'aZ9*#', 'aZ9*#é'],
  [['lead_id', 'rank', 'text_size', 'duration', 'maxParticleCount', 'particleSpeed'], '9', '9'],
  [['vendor_id', 'vendor_lead_code', 'source_id', 'comments', 'notification_text'], `a Z9-_.| *:/@%',"\\é=`, `a Z9-_.| *:/@%',"\\é=`],
  [['gmt_offset_now'], '9-_.', '9-_.'],
  [['title'], "a Z9-_.'", "a Z9-_.'é"],
  [['first_name', 'last_name', 'alt_phone'], "a Z9-_. '", "a Z9-_. 'é"],
  [['address1', 'address2', 'address3', 'city', 'security_phrase', 'owner'], "a Z9-_. :/@'", "a Z9-_. :/@'é"],
  [['email'], "a Z9-_. :/@%'", "a Z9-_. :/@%'é"],
  [['state', 'postal_code'], 'a Z9-', 'a Z9-é'],
  [['province'], "a Z9-_. '", "a Z9-_. 'é"],
  [['date_of_birth'], '9-', '9-'],
  [['callback_datetime'], 'a Z9-_. :', 'a Z9-_. :é'],
  [['callback_comments'], 'a Z9-_. ', 'a Z9-_. é'],
  [['qm_dispo_code'], 'aZ9-_.', 'aZ9-_.é'],
  [['agent_debug'], 'a Z9-_.|:', 'a Z9-_.|:é'],
  [['recipient_type'], 'aZ_', 'aZ_é'],
  [['notification_retry', 'show_confetti'], '', ''],
  [['text_font'], 'a Z-,', 'a Z-,é'],
  [['text_weight'], 'aZ,', 'aZ,é'],
  [['stage'], 'a Z9-_.|+*#:/@%,é=', 'a Z9-_.|+*#:/@%,é='],
  [['close_window_link', 'dnc_check', 'campaign_dnc_check'], 'aZ9-_', 'aZ9-_'],
  [['notification_date'], ' 9-:', ' 9-:'],
  [['multi_dial_phones'], '9,', '9,'],
  [['md_check', 'tw_check', 'DB'], 'aZ9', 'aZ9'],
  [['language'], 'aZ', 'aZ'],
];

const filterOne = (name: string, value: string, nonLatin: boolean) =>
  sanitize(new Map([[name, value]]), nonLatin)[name as keyof typeof filters];

describe('§1.3 filter table', () => {
  it('covers every filtered parameter exactly once', () => {
    const names = TABLE.flatMap(([n]) => n);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.keys(filters).sort());
  });

  for (const [names, latin, nonLatin] of TABLE) {
    it.each(names)(`%s: probe → ${JSON.stringify(latin)} / ${JSON.stringify(nonLatin)}`, (name) => {
      expect(filterOne(name, PROBE, false)).toBe(latin);
      expect(filterOne(name, PROBE, true)).toBe(nonLatin);
    });
  }

  it.each([
    ['phone_code', 'X9x+1', 'X91'],
    ['notification_retry', 'yYnNx1', 'yYnN'],
    ['show_confetti', 'Yes', 'Y'],
    ['consultative', 'yes', ''],
    ['text_color', '#FF00aa', 'FF00aa'],
    ['multi_dial_phones', '555 1234,5556789', '5551234,5556789'],
    ['notification_date', '2025-01-02 03:04:05', '2025-01-02 03:04:05'],
    ['lead_id', '12ab3', '123'],
  ])('%s: %j → %j', (name, input, out) => {
    expect(filterOne(name, input, false)).toBe(out);
    expect(filterOne(name, input, true)).toBe(out);
  });

  it('use_non_latin decides whether José keeps its é (letters only, never digits or marks)', () => {
    expect(filterOne('first_name', 'José', false)).toBe('Jos');
    expect(filterOne('first_name', 'José', true)).toBe('José');
    expect(filterOne('agent_user', 'Ωμέγα٣', true)).toBe('Ωμέγα');
    expect(filterOne('agent_user', 'Ωμέγα', false)).toBe('');
    expect(filterOne('lead_id', '٣12', true)).toBe('12');
    expect(filterOne('close_window_link', 'é1', true)).toBe('1');
  });

  it('user and pass lose quotes, backslash, semicolon and space before their class filter', () => {
    expect(filterOne('user', `6'6"6\\6; `, false)).toBe('6666');
    expect(filterOne('pass', `1'2"3\\4; +5`, false)).toBe('1234+5');
  });
});

describe('+ to space', () => {
  const viaGet = (query: string, nonLatin = false) => sanitize(intake(query, undefined).raw, nonLatin);

  it('a literal + (%2B) becomes a space where the table says so, after the class filter or before it', () => {
    const p = viaGet('first_name=a%2Bb&email=x%2By%40z.com&notes=a%2Bb&ingroup_choices=A%2BB&comments=c%2Bd&province=p%2Bq&callback_datetime=2025-01-01%2B10:00:00');
    expect(p.first_name).toBe('a b');
    expect(p.email).toBe('x y@z.com');
    expect(p.notes).toBe('a b');
    expect(p.ingroup_choices).toBe('A B');
    expect(p.comments).toBe('c d');
    expect(p.province).toBe('p q');
    expect(p.callback_datetime).toBe('2025-01-01 10:00:00');
  });

  it('keeps + where the class allows it and does not convert (pass), and drops it elsewhere', () => {
    const p = viaGet('pass=ab%2Bcd&phone_number=%2B351&value=a%2Bb&title=Mr%2BX');
    expect(p.pass).toBe('ab+cd');
    expect(p.phone_number).toBe('351');
    expect(p.value).toBe('ab');
    expect(p.title).toBe('MrX');
  });

  it('an unencoded + is a space already: removed from pass, kept as space in names', () => {
    const p = viaGet('pass=ab+cd&last_name=da+Silva&user=66+66');
    expect(p.pass).toBe('abcd');
    expect(p.last_name).toBe('da Silva');
    expect(p.user).toBe('6666');
  });
});

describe('§1.1 intake', () => {
  it('a repeated parameter takes its last value', () => {
    expect(intake('value=PAUSE&value=RESUME', undefined).raw.get('value')).toBe('RESUME');
    expect(intake('', 'value=PAUSE&value=RESUME').raw.get('value')).toBe('RESUME');
  });

  it('an array parameter takes its first value', () => {
    expect(parseForm('value[]=1&value[]=2').get('value')).toBe('1');
    expect(parseForm('function[0]=version&function[1]=logout').get('function')).toBe('version');
    expect(parseForm('value[]=1&value=2').get('value')).toBe('1');
  });

  it('GET wins over POST per parameter; both are read', () => {
    const { raw } = intake('value=GET&user=6666', 'value=POST&notes=fromPost');
    expect(raw.get('value')).toBe('GET');
    expect(raw.get('user')).toBe('6666');
    expect(raw.get('notes')).toBe('fromPost');
  });

  it('GET only: the log query string is the raw, still encoded query string', () => {
    expect(intake('user=6666&notes=a%20b+c%27', undefined).queryString).toBe('user=6666&notes=a%20b+c%27');
  });

  it("GET only: quotes, backslash and ';' are removed from it", () => {
    expect(intake(`a='x'&b="y"&c=\\z;`, undefined).queryString).toBe('a=x&b=y&c=z');
  });

  it('POST only: GET-AND-POST=Y and the decoded POST string once', () => {
    expect(intake('', 'user=6666&function=version&notes=a%27b+c').queryString)
      .toBe('GET-AND-POST=Y&user=6666&function=version&notes=ab c');
  });

  it('GET and POST: <QUERY_STRING>&GET-AND-POST=Y&<POST string>', () => {
    expect(intake('function=version&x=%41', 'user=6666&source=test').queryString)
      .toBe('function=version&x=%41&GET-AND-POST=Y&user=6666&source=test');
  });

  it('an empty POST body leaves the GET string alone', () => {
    expect(intake('function=version', '').queryString).toBe('function=version');
  });

  it('names and values are form-decoded; a name with no = is an empty value', () => {
    const raw = parseForm('%66unction=version&flag&x=a=b&&=v');
    expect(raw.get('function')).toBe('version');
    expect(raw.get('flag')).toBe('');
    expect(raw.get('x')).toBe('a=b');
  });
});

describe('invalid percent escapes and invalid UTF-8', () => {
  it('keeps an invalid escape literally (the filters then drop the %)', () => {
    const raw = parseForm('first_name=Jos%C3%A9%zz&comments=50%&stage=%G1');
    expect(raw.get('first_name')).toBe('José%zz');
    expect(raw.get('comments')).toBe('50%');
    expect(raw.get('stage')).toBe('%G1');
    expect(sanitize(raw, true).first_name).toBe('Josézz');
    expect(sanitize(raw, false).first_name).toBe('Joszz');
  });

  it('drops bytes that are not UTF-8, whatever use_non_latin says', () => {
    const raw = parseForm('agent_user=10%ff%fe00&value=%ff%fe&first_name=Jos%C3%A9%E9');
    for (const nonLatin of [false, true]) {
      const p = sanitize(raw, nonLatin);
      expect(p.agent_user).toBe('1000');
      expect(p.value).toBe('');
    }
    expect(sanitize(raw, true).first_name).toBe('José');
  });

  it('keeps characters outside the BMP intact next to a bad escape (raw UTF-8 in a POST body)', () => {
    expect(parseForm('comments=%zz😀x').get('comments')).toBe('%zz😀x');
    expect(parseForm('comments=%ff😀').get('comments')).toBe('\uFFFD😀');
  });

  it('never throws, whatever the input', () => {
    for (const s of ['%', '%%%', '=%', '%=%', '&&&', '[]=1', 'a[=1', 'a]=1', '%E0%A4%A', '\u0000=\u0000', 'a=%00b']) {
      expect(() => sanitize(intake(s, s).raw, true)).not.toThrow();
    }
    expect(sanitize(parseForm('value=a%00b'), false).value).toBe('ab');
  });
});
