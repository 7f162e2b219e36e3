// Conditions générales d'utilisation: the version in force, from GET /api/terms.

import { getJson } from './api.js';
import { formatDate, notify, renderTerms } from './forms.js';

const notice = document.getElementById('notice');

getJson('/api/terms').then((terms) => {
  document.getElementById('terms-title').textContent = terms.title;
  document.getElementById('terms-meta').textContent = `Version ${terms.version}, publiée le ${formatDate(terms.publishedAt)}.`;
  renderTerms(document.getElementById('terms-content'), terms.content, 2, terms.title);
}, () => {
  document.getElementById('terms-content').hidden = true;
  notify(notice, 'error', 'Les conditions ne peuvent pas être affichées pour le moment. Réessayez dans quelques instants.');
});
