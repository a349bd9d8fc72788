// A tiny SMTP server on 127.0.0.1 that records every message it is given, for
// the end-to-end tests of mail (sign-up confirmation, password reset). It
// speaks just enough SMTP for libcurl: the 220 greeting, EHLO/HELO, MAIL FROM,
// RCPT TO, DATA up to the lone ".", RSET, NOOP and QUIT. No STARTTLS, so the
// server under test must run with [mail] require_tls = false.
//
//   const sink = await startSmtpSink();
//   ... sink.port, sink.messages ...
//   const mail = await sink.waitForMail((m) => m.to.includes(address));
//   await sink.stop();

import net from 'node:net';

// Decodes a header value: RFC 2047 =?UTF-8?B?...?= (and Q) words, else as is.
function decodeHeader(value) {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset, encoding, text) => {
    const bytes = encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (m, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
    return bytes.toString(/utf-?8/i.test(charset) ? 'utf8' : 'latin1');
  });
}

// Splits the DATA of one message into headers (lower-case names) and body.
export function parseMessage(data) {
  const split = data.indexOf('\r\n\r\n');
  const head = split >= 0 ? data.slice(0, split) : data;
  const body = split >= 0 ? data.slice(split + 4) : '';
  const headers = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeHeader(line.slice(colon + 1).trim());
  }
  return { headers, subject: headers.subject ?? '', body: body.replace(/\r\n/g, '\n') };
}

const addressIn = (line) => (line.match(/<([^>]*)>/) ?? [])[1] ?? '';

export function startSmtpSink() {
  const messages = [];
  const waiters = new Set();
  const sockets = new Set();

  const notify = () => {
    for (const waiter of waiters) waiter();
  };

  function session(socket) {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.setEncoding('utf8');
    let buffer = '';
    let envelope = { from: '', to: [] };
    let data = null;   // lines of DATA while it is being received
    const reply = (text) => { if (!socket.destroyed) socket.write(`${text}\r\n`); };

    const line = (text) => {
      if (data !== null) {
        if (text === '.') {
          messages.push({ from: envelope.from, to: envelope.to, ...parseMessage(data.join('\r\n')), raw: data.join('\r\n') });
          data = null;
          envelope = { from: '', to: [] };
          reply('250 2.0.0 OK: recorded');
          notify();
        } else {
          data.push(text.startsWith('.') ? text.slice(1) : text);
        }
        return;
      }
      const verb = text.slice(0, 4).toUpperCase();
      if (verb === 'EHLO') reply('250-localhost\r\n250 8BITMIME');
      else if (verb === 'HELO') reply('250 localhost');
      else if (verb === 'MAIL') { envelope = { from: addressIn(text), to: [] }; reply('250 2.1.0 OK'); }
      else if (verb === 'RCPT') { envelope.to.push(addressIn(text)); reply('250 2.1.5 OK'); }
      else if (verb === 'DATA') {
        if (envelope.to.length === 0) { reply('503 5.5.1 RCPT first'); return; }
        data = [];
        reply('354 End data with <CR><LF>.<CR><LF>');
      } else if (verb === 'RSET') { envelope = { from: '', to: [] }; reply('250 2.0.0 OK'); }
      else if (verb === 'NOOP') reply('250 2.0.0 OK');
      else if (verb === 'QUIT') { reply('221 2.0.0 Bye'); socket.end(); }
      else reply('502 5.5.2 Command not implemented');
    };

    socket.on('data', (chunk) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const text = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        line(text);
      }
    });
    reply('220 localhost gapfill-e2e SMTP sink');
  }

  const server = net.createServer(session);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const sink = {
        port: server.address().port,
        messages,
        get url() { return `smtp://127.0.0.1:${this.port}`; },
        // The first recorded message (from index `after` on) that matches, waiting up to `ms`.
        waitForMail(predicate, { ms = 15_000, after = 0 } = {}) {
          return new Promise((resolveMail, rejectMail) => {
            const check = () => {
              const found = messages.slice(after).find(predicate);
              if (!found) return false;
              waiters.delete(check);
              clearTimeout(timer);
              resolveMail(found);
              return true;
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              rejectMail(new Error(`no matching mail within ${ms} ms; the sink has ${messages.length}: ` +
                JSON.stringify(messages.map((m) => ({ to: m.to, subject: m.subject })))));
            }, ms);
            waiters.add(check);
            check();
          });
        },
        stop() {
          for (const socket of sockets) socket.destroy();
          return new Promise((done) => server.close(() => done()));
        },
      };
      resolve(sink);
    });
  });
}
