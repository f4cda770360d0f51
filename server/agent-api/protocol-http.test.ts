// The HTTP face of /agc/api.php (api-reference.md §1.1, §1.2, §1.4, §1.10, §2.1–§2.3;
// decisions.md: language=es, unknown function logged).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestBed, type TestBed } from '../test/api-harness.js';
import { closeTestDatabases, testDialects } from '../test/databases.js';

const LINK_EN = '\n<a href="javascript:window.opener=\'x\';window.close();">Close This Window</a>\n';
const LINK_ES = '\n<a href="javascript:window.opener=\'x\';window.close();">Cerrar esta ventana</a>\n';
const VERSION_LINE = /^VERSION: 2\.14-82\|BUILD: 250122-1010\|DATE: (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})\|EPOCH: (\d+)\n$/;
const PAUSE_OK = /^SUCCESS: external_pause function set - PAUSE\|\d+\|1000\n/;
const AUTH = 'source=test&user=6666&pass=1234';

describe.each(testDialects())('/agc/api.php over HTTP on %s', (dialect) => {
  let bed: TestBed;
  beforeAll(async () => { bed = await createTestBed(dialect); });
  beforeEach(async () => { await bed.reset(); });
  afterAll(async () => { await bed.close(); await closeTestDatabases(); });

  const db = () => bed.database.db;
  const logs = () => db().selectFrom('vicidial_api_log').selectAll().orderBy('api_id').execute();
  const inject = (method: 'GET' | 'POST', url: string, payload?: string, headers: Record<string, string> = {}) =>
    bed.app.inject({ method, url, payload, headers: { host: '127.0.0.1:8089', ...headers }, remoteAddress: '127.0.0.1' });
  const expectHeaders = (headers: Record<string, unknown>) => {
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    expect(headers['cache-control']).toBe('no-cache, must-revalidate');
    expect(headers.pragma).toBe('no-cache');
  };

  it.each(['/agc/api.php', '//agc/api.php'])('%s answers GET and POST', async (path) => {
    const get = await inject('GET', `${path}?function=version`);
    expect(get.statusCode).toBe(200);
    expect(get.body).toMatch(VERSION_LINE);
    expectHeaders(get.headers);
    const post = await inject('POST', path, 'function=version', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(post.statusCode).toBe(200);
    expect(post.body).toMatch(VERSION_LINE);
    expectHeaders(post.headers);
    const mixed = await inject('POST', `${path}?function=external_pause&agent_user=1000`, `${AUTH}&value=PAUSE`, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(mixed.body).toMatch(PAUSE_OK);
  });

  const multipart = (fields: [string, string][], boundary = '----formdata-x7') => ({
    payload: fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  const apiUrls = () => db().selectFrom('vicidial_api_urls').select('url').orderBy('api_id').execute();

  it('multipart/form-data POST: version and external_pause, logged like a form POST', async () => {
    const version = multipart([['user', '6666'], ['pass', '1234'], ['source', 'crm'], ['function', 'version']]);
    const v = await inject('POST', '/agc/api.php', version.payload, version.headers);
    expect(v.body).toMatch(VERSION_LINE);
    expectHeaders(v.headers);
    const pause = multipart([['source', 'crm'], ['user', '6666'], ['pass', '1234'], ['agent_user', '1000'], ['function', 'external_pause'], ['value', 'PAUSE']], 'quoted-b');
    const p = await inject('POST', '/agc/api.php', pause.payload, { 'content-type': 'multipart/form-data; boundary="quoted-b"' });
    expect(p.body).toMatch(PAUSE_OK);
    const post = 'source=crm&user=6666&pass=XXXXXXXX&agent_user=1000&function=external_pause&value=PAUSE';
    expect((await apiUrls()).at(-1)!.url).toBe(`http://127.0.0.1:8089/agc/api.php?GET-AND-POST=Y&${post}`);
  });

  it('multipart values are taken raw (no percent-decoding); file parts are ignored', async () => {
    const b = 'xyz';
    const payload = [
      `--${b}\r\nContent-Disposition: form-data; name="function"\r\n\r\nversion\r\n`,
      `--${b}\r\nContent-Disposition: form-data; name="user"\r\n\r\na%41+b\r\n`,
      `--${b}\r\nContent-Disposition: form-data; name="source"; filename="s.txt"\r\nContent-Type: text/plain\r\n\r\nfromfile\r\n`,
      `--${b}--\r\n`,
    ].join('');
    const res = await inject('POST', '/agc/api.php', payload, { 'content-type': `multipart/form-data; boundary=${b}` });
    expect(res.body).toMatch(VERSION_LINE);
    expect((await apiUrls()).at(-1)!.url).toBe('http://127.0.0.1:8089/agc/api.php?GET-AND-POST=Y&function=version&user=a%41+b');
    const auth = multipart([['user', '6666'], ['pass', '1234'], ['function', 'external_pause']]);
    // source came only as a file part: not a parameter.
    expect((await inject('POST', '/agc/api.php', auth.payload, auth.headers)).body).toBe('ERROR: Invalid Source - \n');
  });

  it('GET wins over a multipart field of the same name', async () => {
    const body = multipart([['source', 'crm'], ['user', '6666'], ['pass', '1234'], ['agent_user', '1002'], ['function', 'external_pause'], ['value', 'RESUME']]);
    const res = await inject('POST', '/agc/api.php?agent_user=1000&value=PAUSE', body.payload, body.headers);
    expect(res.body).toMatch(PAUSE_OK);
  });

  it('a JSON, text/plain or untyped body is not parameters', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ 'content-type': 'application/json' }, JSON.stringify({ source: 'crm', user: '6666', pass: '1234', function: 'version' })],
      [{ 'content-type': 'text/plain' }, 'source=crm&user=6666&pass=1234&function=external_pause&agent_user=1000&value=PAUSE'],
      [{}, 'source=crm&user=6666&pass=1234&function=external_pause&agent_user=1000&value=PAUSE'],
    ];
    for (const [headers, payload] of cases) {
      const res = await inject('POST', '/agc/api.php', payload, headers);
      expect(res.statusCode).toBe(200);
      expect(res.body, JSON.stringify(headers)).toBe('ERROR: Invalid Source - \n');
    }
    const mixed = await inject('POST', `/agc/api.php?${AUTH}&function=external_pause&agent_user=1000`, 'value=PAUSE', { 'content-type': 'text/plain' });
    expect(mixed.body).not.toMatch(PAUSE_OK);
    // The content type's case and parameters do not matter.
    const form = await inject('POST', '/agc/api.php', 'function=version', { 'content-type': 'Application/X-WWW-Form-URLEncoded; charset=UTF-8' });
    expect(form.body).toMatch(VERSION_LINE);
  });

  it.each(['/agc/api.php/', '/agc/api.php/anything', '//agc/api.php/a/b'])('%s runs the API (PATH_INFO)', async (path) => {
    expect((await inject('GET', `${path}?function=version`)).body).toMatch(VERSION_LINE);
    const res = await inject('POST', path, `${AUTH}&function=external_pause&agent_user=1000&value=PAUSE`, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.body).toMatch(PAUSE_OK);
    expectHeaders(res.headers);
    // SCRIPT_NAME stays /agc/api.php in the log.
    expect((await apiUrls()).at(-1)!.url.startsWith('http://127.0.0.1:8089/agc/api.php?')).toBe(true);
  });

  it('an empty GET with content-type application/json still answers', async () => {
    const res = await inject('GET', '/agc/api.php', undefined, { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('ERROR: Invalid Source - \n');
    expectHeaders(res.headers);
  });

  it('HTTP 200 with the same headers for errors, empty bodies and successes; 418 only for coffee', async () => {
    const cases: [string, number, string | RegExp][] = [
      [`${AUTH}&function=external_pause&agent_user=1000&value=PAUSE`, 200, PAUSE_OK],
      [`${AUTH}&function=external_pause&agent_user=1002&value=PAUSE`, 200, 'ERROR: agent_user is not logged in - 1002\n'],
      ['source=test&user=6666&pass=bad1&function=external_pause', 200, 'ERROR: Invalid Username/Password: |6666||0|1|BAD|\n'],
      [`${AUTH}&function=nope`, 200, ''],
      ['function=coffee', 418, "Coffee: coffee|Error 418 I'm a teapot"],
      ['function=start_coffee&user=6666&pass=bad', 418, "Coffee: start_coffee|Error 418 I'm a teapot"],
      ['function=make_coffee', 418, "Coffee: make_coffee|Error 418 I'm a teapot"],
      ['function=brew_coffee&close_window_link=1', 418, "Coffee: brew_coffee|Error 418 I'm a teapot"],
    ];
    for (const [query, status, body] of cases) {
      const res = await bed.api(query);
      expect(res.status, query).toBe(status);
      if (typeof body === 'string') expect(res.body, query).toBe(body);
      else expect(res.body, query).toMatch(body);
      expectHeaders(res.headers);
    }
    const teapot = (await logs()).filter((l) => l.function.endsWith('coffee'));
    expect(teapot.map((l) => [l.result, l.result_reason, l.data])).toEqual([
      ['ERROR', '', "Coffee: coffee|Error 418 I'm a teapot"],
      ['ERROR', '', "Coffee: start_coffee|Error 418 I'm a teapot"],
      ['ERROR', '', "Coffee: make_coffee|Error 418 I'm a teapot"],
      ['ERROR', '', "Coffee: brew_coffee|Error 418 I'm a teapot"],
    ]);
  });

  describe('close_window_link', () => {
    const pause = `${AUTH}&function=external_pause&agent_user=1000&value=PAUSE&close_window_link=1`;

    it('appends the English link after a non-exiting reply', async () => {
      const res = await bed.api(pause);
      expect(res.body).toMatch(PAUSE_OK);
      expect(res.body.endsWith(`\n${LINK_EN}`)).toBe(true);
      expect((await bed.api(`${AUTH}&function=external_pause&agent_user=1002&value=PAUSE&close_window_link=1`)).body)
        .toBe(`ERROR: agent_user is not logged in - 1002\n${LINK_EN}`);
    });

    it('is Spanish with language=es (or idioma=es), English otherwise (decisions.md)', async () => {
      expect((await bed.api(`${pause}&language=es`)).body.endsWith(`\n${LINK_ES}`)).toBe(true);
      expect((await bed.api(`${pause}&language=ES`)).body.endsWith(`\n${LINK_ES}`)).toBe(true);
      expect((await bed.api(`${pause}&idioma=es`)).body.endsWith(`\n${LINK_ES}`)).toBe(true);
      expect((await bed.api(`${pause}&language=en`)).body.endsWith(`\n${LINK_EN}`)).toBe(true);
      expect((await bed.api(`${pause}&language=fr`)).body.endsWith(`\n${LINK_EN}`)).toBe(true);
    });

    it('is absent when the reply exits, or with 0 / no value', async () => {
      expect((await bed.api('source=test&user=6666&pass=bad1&function=external_pause&close_window_link=1')).body).not.toContain('Close');
      expect((await bed.api('function=version&close_window_link=1')).body).toMatch(VERSION_LINE);
      expect((await bed.api(`${AUTH}&user=6668&function=external_hangup&agent_user=1000&value=1&close_window_link=1`)).body)
        .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 1|6668|external_hangup|ADMIN\n');
      expect((await bed.api(pause.replace('close_window_link=1', 'close_window_link=0'))).body).not.toContain('Close');
    });
  });

  it('an unknown function (valid auth) is an empty body and a log row; case matters; filtering applies', async () => {
    for (const fn of ['no_such_function', 'EXTERNAL_PAUSE', '']) {
      const res = await bed.api(`${AUTH}&function=${fn}&agent_user=1000&value=PAUSE`);
      expect(res.status).toBe(200);
      expect(res.body).toBe('');
      expectHeaders(res.headers);
    }
    expect((await logs()).map((l) => [l.function, l.user, l.result])).toEqual([
      ['no_such_function', '6666', 'ERROR'], ['EXTERNAL_PAUSE', '6666', 'ERROR'], ['', '6666', 'ERROR'],
    ]);
    expect((await bed.api(`${AUTH}&function=external_pa%3Buse%27&agent_user=1000&value=PAUSE`)).body).toMatch(PAUSE_OK);
  });

  it('version needs no source nor auth and logs the filtered user, source, agent_user and value', async () => {
    const res = await bed.api(`function=version&user=%27--&source=%3Cb%3E&agent_user=10%2700&value=a%20b&pass=x`);
    const m = VERSION_LINE.exec(res.body);
    expect(m).not.toBeNull();
    expect(Math.abs(Number(m![2]) - Date.now() / 1000)).toBeLessThan(60);
    const [log] = await logs();
    expect(log).toMatchObject({ user: '--', source: 'b', agent_user: '1000', value: 'ab', function: 'version', result: 'SUCCESS', result_reason: '', data: res.body.slice(0, -1), api_script: 'agent' });
    const [url] = await db().selectFrom('vicidial_api_urls').selectAll().execute();
    expect(url.url).toBe('http://127.0.0.1:8089/agc/api.php?function=version&user=%27--&source=%3Cb%3E&agent_user=10%2700&value=a%20b&pass=XXXXXXXX');
  });

  it('webserver: the labels in order, values shaped, logged with | for newlines', async () => {
    const res = await bed.api(`${AUTH}&function=webserver`);
    expect(res.status).toBe(200);
    expect(res.body.startsWith('<PRE>')).toBe(true);
    expect(res.body.endsWith('\n</PRE>\n')).toBe(true);
    const lines = res.body.slice(5, -8).split('\n');
    const shapes: [string, RegExp][] = [
      ['Webserver Data:', /^$/],
      ['set.timezone', /^[A-Za-z_]+(\/[A-Za-z_+\-0-9]+)*$/],
      ['abbr.timezone', /^\S+$/],
      ['dst.timezone', /^[01]$/],
      ['uname', /testhost/],
      ['host name', /^testhost$/],
      ['server name', /^127\.0\.0\.1$/],
      ['php version', /\S/],
      ['apache version', /\S/],
      ['apache processes', /^\d+$/],
      ['system load average', /^\d+(\.\d+)?$/],
      ['disk free space', /^\d+$/],
      ['date.timezone', /\S/],
      ['maximum execution time', /^\d+$/],
      ['maximum input time', /^-?\d+$/],
      ['memory limit', /^\d+[KMG]?$/],
      ['post maximum size', /^\d+[KMG]?$/],
      ['upload maximum filesize', /^\d+[KMG]?$/],
      ['default socket timeout', /^\d+$/],
    ];
    expect(lines).toHaveLength(shapes.length);
    lines.forEach((line, i) => {
      const [label, shape] = shapes[i];
      if (i === 0) return expect(line).toBe(label);
      expect(line.startsWith(`${label}: `), line).toBe(true);
      expect(line.slice(label.length + 2), label).toMatch(shape);
    });
    const [log] = await logs();
    expect(log).toMatchObject({ function: 'webserver', result: 'SUCCESS', result_reason: '', data: `${lines.join('|')}|` });
    expect((await bed.api('user=6666&pass=1234&function=webserver')).body).toBe('ERROR: Invalid Source - \n');
    expect((await bed.api(`${AUTH}&function=webserver&close_window_link=1`)).body).not.toContain('Close');
  });
});
