// Kept out of the page so the screen's Content-Security-Policy (script-src 'self') allows it.
const texts = {
  pt: { title: 'Formulário web de demonstração', note: 'Uma página de CRM de exemplo desta simulação. Recebe o lead pelo endereço do formulário web da tela do agente.', lead: 'Lead', name: 'Nome', notes: 'Notas' },
  es: { title: 'Formulario web de demostración', note: 'Una página de CRM de ejemplo de esta simulación. Recibe el lead por la dirección del formulario web de la pantalla del agente.', lead: 'Lead', name: 'Nombre', notes: 'Notas' },
};
const lang = (localStorage.getItem('agent.language') || navigator.language || 'en').slice(0, 2).toLowerCase();
if (texts[lang]) {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = texts[lang][el.dataset.i18n];
}
const q = new URLSearchParams(location.search);
document.getElementById('lead').textContent = q.get('lead') || '—';
document.getElementById('name').textContent = q.get('name') || '—';
