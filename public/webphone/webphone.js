// Kept out of the page so the screen's Content-Security-Policy (script-src 'self') allows it.
const texts = {
  pt: { title: 'Webphone simulado', note: 'Sem áudio: esta simulação não tem linha telefônica. O teclado não faz chamadas.', login: 'Login do telefone', session: 'Sessão', server: 'Servidor' },
  es: { title: 'Webphone simulado', note: 'Sin audio: esta simulación no tiene línea telefónica. El teclado no hace llamadas.', login: 'Login del teléfono', session: 'Sesión', server: 'Servidor' },
};
const lang = (localStorage.getItem('agent.language') || navigator.language || 'en').slice(0, 2).toLowerCase();
if (texts[lang]) {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = texts[lang][el.dataset.i18n];
}
const q = new URLSearchParams(location.search);
const decode = (v) => { try { return new TextDecoder().decode(Uint8Array.from(atob(v || ''), (c) => c.charCodeAt(0))); } catch { return ''; } };
const options = decode(q.get('options'));
document.getElementById('login').textContent = decode(q.get('phone_login')) || '—';
document.getElementById('session').textContent = (/SESSION(\d+)/.exec(options) || [])[1] || '—';
document.getElementById('server').textContent = decode(q.get('server_ip')) || '—';
const display = document.getElementById('display');
for (const key of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#']) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = key;
  b.addEventListener('click', () => { display.textContent = (display.textContent + key).slice(-20); });
  document.getElementById('pad').append(b);
}
