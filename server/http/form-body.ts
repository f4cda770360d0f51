// Which request bodies are parameters, as PHP fills $_POST: only
// application/x-www-form-urlencoded and multipart/form-data (its text fields; file parts
// are ignored). Any other body (JSON, text/plain, none) is no parameters.

/** The lower-cased media type of a Content-Type header, without its parameters. */
function mediaType(contentType: string): string {
  return contentType.split(/[;,]/, 1)[0].trim().toLowerCase();
}

/** The boundary parameter of a multipart Content-Type (quoted or not), or null. */
export function multipartBoundary(contentType: string): string | null {
  const m = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;,\s]+))/i.exec(contentType);
  const boundary = m ? (m[1] ?? m[2]) : '';
  return boundary && boundary.length <= 200 ? boundary : null;
}

/** A Content-Disposition parameter (`name`, `filename`), quoted or token, or undefined. */
function dispositionParam(header: string, param: string): string | undefined {
  const re = new RegExp(`;\\s*${param}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i');
  const m = re.exec(header);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2];
}

/**
 * The text fields of a multipart/form-data body, in order (a repeated name appears
 * twice; the form parser later keeps the last, as PHP does). Values are the part's bytes
 * as UTF-8, never percent-decoded (PHP hands multipart values over raw). Parts with a
 * `filename` are files and are skipped, as are parts without a name. A malformed body
 * yields the fields read before the fault.
 */
export function parseMultipart(body: Buffer, boundary: string): [string, string][] {
  const fields: [string, string][] = [];
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const next = Buffer.from(`\r\n--${boundary}`, 'latin1');
  // The first delimiter may follow a preamble; later ones are preceded by CRLF.
  let at = body.indexOf(delimiter);
  if (at < 0) return fields;
  at += delimiter.length;
  for (;;) {
    if (body[at] === 0x2d && body[at + 1] === 0x2d) break; // `--`: the closing delimiter
    // Skip transport padding and the CRLF ending the delimiter line.
    while (body[at] === 0x20 || body[at] === 0x09) at++;
    if (body[at] !== 0x0d || body[at + 1] !== 0x0a) break;
    at += 2;
    const headersEnd = body.indexOf('\r\n\r\n', at, 'latin1');
    const end = body.indexOf(next, at);
    if (end < 0) break;
    let name: string | undefined;
    let isFile = false;
    if (headersEnd >= 0 && headersEnd <= end) {
      for (const line of body.toString('utf8', at, headersEnd).split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon < 0 || line.slice(0, colon).trim().toLowerCase() !== 'content-disposition') continue;
        const value = line.slice(colon + 1);
        if (!/^\s*form-data\s*(;|$)/i.test(value)) continue;
        name = dispositionParam(value, 'name');
        isFile = dispositionParam(value, 'filename') !== undefined;
      }
      if (name && !isFile) fields.push([name, body.toString('utf8', headersEnd + 4, end)]);
    }
    at = end + next.length;
  }
  return fields;
}

/**
 * The body's parameters as an application/x-www-form-urlencoded string (the form the
 * API's intake reads), or undefined when the body is not parameters. A multipart field is
 * re-encoded so that decoding it again gives exactly the field's text.
 */
export function bodyAsForm(contentType: string | undefined, body: Buffer | undefined): string | undefined {
  if (!body || !contentType) return undefined;
  const type = mediaType(contentType);
  if (type === 'application/x-www-form-urlencoded') return body.toString('utf8');
  if (type !== 'multipart/form-data') return undefined;
  const boundary = multipartBoundary(contentType);
  if (!boundary) return undefined;
  return parseMultipart(body, boundary)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}
