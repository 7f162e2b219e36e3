// Administration (EstablishmentAdmin of a school, or PlatformAdmin): imports (the SIECLE / STS-Web exports, in
// school-export-import.js, or a CSV) with a dry-run preview then issuance (codes downloaded once, as PDF letters or
// CSV), accounts with filters, families and new codes, activation rate per class (students, then their parents),
// help requests to handle. Views by fragment: #import, #comptes, #suivi, #aide, #aide/{id} (the
// address of the e-mail that tells the school about a new request).

import { ApiError, currentAccount, fetchFile, getJson, postJson, request, signOut } from './api.js';
import { clearErrors, el, formatDate, formatDateTime, labels, notify, onSubmit, showProblem, valueOf } from './forms.js';
import { family, initSchoolExportImport, operationLabel, showWarnings } from './school-export-import.js';

const $ = (id) => document.getElementById(id);
const notice = $('notice');
const state = { uai: '', page: 1, pageSize: 50, importFile: null, downloadUrl: null, helpId: null, loaded: new Set() };
const views = ['import', 'comptes', 'suivi', 'aide'];
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

for (const button of document.querySelectorAll('.sign-out')) {
  button.addEventListener('click', signOut);
}

const base = () => `/api/admin/establishments/${encodeURIComponent(state.uai)}`;

// ——— Start: who is this, which schools may they administer ———

async function start() {
  const account = await currentAccount();
  if (!account) {
    window.location.replace('/');
    return;
  }

  const roles = account.roles ?? [];
  const schools = new Map();
  for (const role of roles.filter((r) => r.role === 'EstablishmentAdmin' && r.uai)) {
    schools.set(role.uai, role.uai === account.establishment?.uai ? account.establishment.name : role.uai);
  }

  if (roles.some((r) => r.role === 'PlatformAdmin')) {
    for (const e of await getJson('/api/establishments')) {
      schools.set(e.uai, e.name);
    }
  }

  if (schools.size === 0) {
    notify(notice, 'error', el('p', {}, 'Cette page est réservée aux administrateurs d’établissement. ',
      el('a', { href: '/accueil', text: 'Retour à mon espace' })));
    return;
  }

  const select = $('establishment');
  for (const [uai, name] of schools) {
    select.append(el('option', { value: uai, text: `${name} (${uai})` }));
  }

  state.uai = account.establishment && schools.has(account.establishment.uai) ? account.establishment.uai : [...schools.keys()][0];
  select.value = state.uai;
  if (schools.size === 1) {
    $('establishment-field').hidden = true;
    const name = $('establishment-name');
    name.textContent = `${schools.get(state.uai)} (${state.uai})`;
    name.hidden = false;
  }

  select.addEventListener('change', () => {
    state.uai = select.value;
    state.loaded.clear();
    resetImport();
    schoolExports.reset();
    route(false);
  });

  $('admin').hidden = false;
  window.addEventListener('hashchange', () => route(true));
  route(false);
}

// ——— Views ———

function route(moveFocus) {
  const [name, id] = window.location.hash.replace(/^#/, '').split('/');
  const view = views.includes(name) ? name : 'import';
  for (const v of views) {
    $(`view-${v}`).hidden = v !== view;
  }

  for (const link of document.querySelectorAll('.admin-nav a')) {
    if (link.dataset.view === view) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }

  const loading = {
    import: () => Promise.resolve(),
    comptes: () => (state.loaded.has('comptes') ? Promise.resolve() : loadAccounts()),
    suivi: loadStats,
    aide: () => (id ? openHelp(id) : loadHelpList()),
  }[view];
  loading().catch(showLoadError);
  if (moveFocus) {
    const heading = view === 'aide' && id ? null : $(`view-${view}`).querySelector('h2');
    heading?.focus();
  }
}

function showLoadError(error) {
  if (error instanceof ApiError && error.status === 401) {
    window.location.replace('/');
    return;
  }

  const problem = error instanceof ApiError ? error.problem : { detail: 'Une erreur inattendue s’est produite.' };
  notify(notice, 'error', problem.detail || problem.title);
}

// ——— Files: the codes exist once, in the answer; the file stays downloadable until the page is left ———

function offerFile({ blob, fileName }) {
  if (state.downloadUrl) {
    URL.revokeObjectURL(state.downloadUrl);
  }

  state.downloadUrl = URL.createObjectURL(blob);
  const link = el('a', { href: state.downloadUrl, download: fileName, text: `Télécharger à nouveau ${fileName}` });
  const downloads = $('downloads');
  downloads.replaceChildren('Fichier prêt : ', link, '. Conservez-le : les codes ne sont fournis qu’une fois.');
  downloads.hidden = false;
  link.click();
}

// ——— Imports: the national exports (their own module), or a CSV: dry run, preview, then issuance ———

const schoolExports = initSchoolExportImport({
  base,
  offerFile,
  done: (message) => {
    state.loaded.delete('comptes');
    notify(notice, 'success', message);
    notice.focus();
  },
});

const importForm = $('import-form');
const issueForm = $('issue-form');

function resetImport() {
  state.importFile = null;
  $('import-preview').hidden = true;
  $('preview-rows').replaceChildren();
  clearErrors(importForm);
  clearErrors(issueForm);
}

$('import-file').addEventListener('change', resetImport);

function rosterBody() {
  const data = new FormData();
  data.append('file', state.importFile, state.importFile.name);
  return data;
}

onSubmit(importForm, async () => {
  const file = $('import-file').files[0];
  if (!file) {
    throw new ApiError(400, { title: 'Aucun fichier.', errors: { fichier: ['Choisissez le fichier CSV à importer.'] } });
  }

  state.importFile = file;
  const response = await request(`${base()}/imports?dryRun=true&format=json`, { method: 'POST', body: rosterBody() });
  const preview = await response.json();
  const rows = preview.accounts.map((a) => el('tr', {},
    el('td', { text: a.lastName }),
    el('td', { text: a.firstName }),
    el('td', { text: labels.profile[a.profile] ?? a.profile }),
    el('td', { text: a.className ?? '' }),
    el('td', { text: a.identifier }),
    el('td', { text: family(a) }),
    el('td', { text: operationLabel(a) })));
  $('preview-rows').replaceChildren(...rows);
  $('csv-people').classList.toggle('without-family', !preview.accounts.some((a) => family(a) !== ''));
  showWarnings(preview.warnings ?? [], 'csv');
  $('preview-title').textContent =
    `Aperçu : ${preview.created} compte(s) à créer, ${preview.updated} à mettre à jour. Rien n’est encore enregistré.`;
  $('import-preview').hidden = false;
  $('preview-title').focus();
});

onSubmit(issueForm, async () => {
  if (!state.importFile) {
    throw new ApiError(400, { errors: { format: ['Vérifiez d’abord le fichier.'] } });
  }

  const format = valueOf(issueForm, 'format') || 'pdf';
  const file = await fetchFile(`${base()}/imports?format=${format}`, { method: 'POST', body: rosterBody() });
  const count = $('preview-rows').children.length;
  resetImport();
  importForm.reset();
  state.loaded.delete('comptes');
  offerFile(file);
  notify(notice, 'success', `Import terminé : ${count} compte(s) traités. Les codes sont dans le fichier ${file.fileName}.`);
  notice.focus();
});

// ——— Accounts ———

const filtersForm = $('filters-form');

function filters() {
  return {
    status: valueOf(filtersForm, 'status'),
    profile: valueOf(filtersForm, 'profile'),
    className: valueOf(filtersForm, 'className'),
    search: valueOf(filtersForm, 'search'),
  };
}

async function loadAccounts() {
  const query = new URLSearchParams({ page: String(state.page), pageSize: String(state.pageSize) });
  for (const [key, value] of Object.entries(filters())) {
    if (value) {
      query.set(key, value);
    }
  }

  const result = await getJson(`${base()}/accounts?${query}`);
  state.loaded.add('comptes');
  $('account-rows').replaceChildren(...result.items.map(accountRow));
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  $('accounts-count').textContent = result.total === 0
    ? 'Aucun compte ne correspond.'
    : `${result.total} compte(s), page ${result.page} sur ${pages}.`;
  $('page-info').textContent = `Page ${result.page} / ${pages}`;
  $('page-previous').disabled = result.page <= 1;
  $('page-next').disabled = result.page >= pages;
}

function accountRow(a) {
  const actions = el('td');
  if (a.status === 'Pending') {
    const reissue = el('button', { type: 'button', className: 'button secondary small', text: 'Nouveau code' });
    reissue.append(el('span', { className: 'visually-hidden', text: ` pour ${a.firstName} ${a.lastName}` }));
    reissue.addEventListener('click', () => confirmReissue(a, a.hasLiveCode));
    actions.append(reissue, ' ');
  }

  if (a.status !== 'Pending') {
    const blocked = a.status === 'Blocked';
    const toggle = el('button', { type: 'button', className: 'button secondary small', text: blocked ? 'Débloquer' : 'Bloquer' });
    toggle.append(el('span', { className: 'visually-hidden', text: ` ${a.firstName} ${a.lastName}` }));
    toggle.addEventListener('click', () => setBlocked(a, !blocked));
    actions.append(toggle);
  }

  return el('tr', {},
    el('td', { text: `${a.lastName} ${a.firstName}` }),
    el('td', { text: a.identifier }),
    el('td', { text: labels.profile[a.profile] ?? a.profile }),
    el('td', { text: a.className ?? '' }),
    el('td', { text: family(a) }),
    el('td', { text: labels.status[a.status] ?? a.status }),
    el('td', { text: a.hasLiveCode ? formatDate(a.codeExpiresAt) : (a.status === 'Pending' ? 'code expiré ou annulé' : '') }),
    actions);
}

/** One new code revokes the live one: asked first, naming the person (the bulk button asks too). */
function confirmReissue(account, hasLiveCode) {
  const name = `${account.firstName} ${account.lastName}`;
  const question = hasLiveCode
    ? `Émettre un nouveau code pour ${name} ? Son code actuel ne fonctionnera plus : s’il a déjà été remis, il faudra remettre le nouveau.`
    : `Émettre un nouveau code pour ${name} ?`;
  if (window.confirm(question)) {
    reissueCodes({ accountIds: [account.id] });
  }
}

async function reissueCodes(body) {
  const format = $('reissue-format').value || 'pdf';
  try {
    const file = await fetchFile(`${base()}/activation-codes?format=${format}`, { method: 'POST', json: { onlyPending: true, ...body } });
    offerFile(file);
    notify(notice, 'success', 'Nouveaux codes émis : les anciens ne fonctionnent plus.');
    await loadAccounts();
  } catch (error) {
    showLoadError(error);
  }
}

async function setBlocked(account, blocked) {
  try {
    await request(`/api/admin/accounts/${account.id}/${blocked ? 'block' : 'unblock'}`, { method: 'POST' });
    notify(notice, 'success', `${account.firstName} ${account.lastName} : compte ${blocked ? 'bloqué' : 'débloqué'}.`);
    await loadAccounts();
  } catch (error) {
    showLoadError(error);
  }
}

onSubmit(filtersForm, async () => {
  state.page = 1;
  await loadAccounts();
});

$('bulk-reissue').addEventListener('click', () => {
  const { className, profile } = filters();
  const scope = [className && `la classe ${className}`, profile && (labels.profile[profile] ?? profile)].filter(Boolean).join(', ');
  const question = scope
    ? `Émettre de nouveaux codes pour les comptes en attente (${scope}) ? Leurs anciens codes ne fonctionneront plus.`
    : 'Aucune classe ni aucun profil choisi : émettre de nouveaux codes pour TOUS les comptes en attente de l’établissement ? Leurs anciens codes ne fonctionneront plus.';
  if (window.confirm(question)) {
    reissueCodes({ className: className || null, profile: profile || null });
  }
});

$('page-previous').addEventListener('click', () => {
  state.page = Math.max(1, state.page - 1);
  loadAccounts().catch(showLoadError);
});

$('page-next').addEventListener('click', () => {
  state.page += 1;
  loadAccounts().catch(showLoadError);
});

// ——— Activation rate: one <meter> per class (no drawing, no style attribute) ———

async function loadStats() {
  const stats = await getJson(`${base()}/activation-stats`);
  const o = stats.overall;
  $('stats-overall').textContent = o.total === 0
    ? 'Aucun compte pour le moment.'
    : `${percent.format(o.rate)} des comptes sont activés (${o.active} sur ${o.total}).`;
  $('stats-classes').replaceChildren(...stats.byClass.flatMap(classRows(stats)));
  $('stats-profiles').replaceChildren(...stats.byProfile.map((r) => chartRow(r, labels.profile[r.group] ?? r.group)));
}

/**
 * A class's students, then (when the class has any) the parents linked to them: « Parents de 6e A ». The parents' rate
 * is taken where the answer gives it: beside the class (parents), or in a list of its own (parentsByClass).
 */
function classRows(stats) {
  const parentsOf = new Map((stats.parentsByClass ?? []).map((r) => [r.group ?? r.className, r]));
  return (r) => {
    const parents = r.parents ?? parentsOf.get(r.group);
    const rows = [chartRow(r, r.group)];
    if (parents && parents.total > 0) {
      rows.push(chartRow(parents, `Parents de ${r.group}`, 'parents'));
    }

    return rows;
  };
}

function chartRow(rate, label, kind) {
  const id = `meter-${Math.random().toString(36).slice(2)}`;
  const figures = `${percent.format(rate.rate)} — ${rate.active} activé(s) sur ${rate.total}`
    + (rate.pending ? `, ${rate.pending} en attente` : '')
    + (rate.expiredCodes ? ` (dont ${rate.expiredCodes} code(s) expiré(s))` : '')
    + (rate.blocked ? `, ${rate.blocked} bloqué(s)` : '');
  return el('li', { className: kind ? `chart-${kind}` : null },
    el('span', { className: 'chart-label', id: `${id}-label`, text: label }),
    el('meter', { id, min: '0', max: '1', value: String(rate.rate), 'aria-labelledby': `${id}-label`, 'aria-describedby': `${id}-figures` },
      percent.format(rate.rate)),
    el('span', { className: 'chart-figures', id: `${id}-figures`, text: figures }));
}

// ——— Help requests ———

const handleForm = $('handle-form');

$('help-status').addEventListener('change', () => loadHelpList().catch(showLoadError));

async function loadHelpList() {
  $('help-detail').hidden = true;
  $('help-list').hidden = false;
  const status = $('help-status').value;
  const list = await getJson(`${base()}/help-requests${status ? `?status=${status}` : ''}`);
  $('help-count').textContent = list.length === 0 ? 'Aucune demande.' : `${list.length} demande(s).`;
  $('help-rows').replaceChildren(...list.map((r) => el('tr', {},
    el('td', {}, el('a', { href: `#aide/${r.id}`, className: 'reference', text: r.reference })),
    el('td', { text: formatDateTime(r.createdAt) }),
    el('td', { text: r.requesterName }),
    el('td', { text: labels.helpKind[r.kind] ?? r.kind }),
    el('td', { text: [r.studentName, r.className].filter(Boolean).join(', ') }),
    el('td', { text: labels.helpStatus[r.status] ?? r.status }))));
}

async function openHelp(id) {
  state.helpId = id;
  clearErrors(handleForm);
  const r = await getJson(`${base()}/help-requests/${encodeURIComponent(id)}`);
  $('help-list').hidden = true;
  $('help-detail').hidden = false;
  $('detail-title').textContent = `Demande ${r.reference}`;
  $('detail-status').textContent = labels.helpStatus[r.status] ?? r.status;
  $('detail-kind').textContent = labels.helpKind[r.kind] ?? r.kind;
  $('detail-requester').textContent = `${r.requesterFirstName} ${r.requesterLastName}`;
  $('detail-contact').textContent = [r.requesterEmail, r.requesterPhone].filter(Boolean).join(' — ');
  $('detail-student').textContent = [r.studentName, r.className].filter(Boolean).join(', ') || '—';
  $('detail-created').textContent = formatDateTime(r.createdAt);
  $('detail-note-row').hidden = !r.note;
  $('detail-note').textContent = r.note ?? '';
  $('detail-message').textContent = r.message;
  $('detail-suggestions').hidden = r.suggestions.length === 0;
  $('suggestion-rows').replaceChildren(...r.suggestions.map((s) => {
    const action = el('td');
    if (s.status === 'Pending') {
      const button = el('button', { type: 'button', className: 'button secondary small', text: 'Nouveau code' });
      button.append(el('span', { className: 'visually-hidden', text: ` pour ${s.firstName} ${s.lastName}` }));
      button.addEventListener('click', () => confirmReissue(s, true));
      action.append(button);
    }

    return el('tr', {},
      el('td', { text: `${s.lastName} ${s.firstName}` }),
      el('td', { text: s.identifier }),
      el('td', { text: labels.profile[s.profile] ?? s.profile }),
      el('td', { text: s.className ?? '' }),
      el('td', { text: labels.status[s.status] ?? s.status }),
      action);
  }));
  const closed = r.status === 'Resolved' || r.status === 'Rejected';
  handleForm.hidden = closed;
  $('start-actions').hidden = r.status !== 'Open';
  $('detail-title').focus();
}

$('help-start').addEventListener('click', async () => {
  try {
    await request(`${base()}/help-requests/${state.helpId}/start`, { method: 'POST' });
    await openHelp(state.helpId);
    notify(notice, 'success', 'Demande prise en charge.');
  } catch (error) {
    showProblem(handleForm, error);
  }
});

onSubmit(handleForm, async (event) => {
  const action = event.submitter?.value === 'reject' ? 'reject' : 'resolve';
  await postJson(`${base()}/help-requests/${state.helpId}/${action}`, { note: valueOf(handleForm, 'note') });
  handleForm.reset();
  notify(notice, 'success', action === 'resolve' ? 'Demande close : résolue. Le demandeur est prévenu.' : 'Demande close : refusée. Le demandeur est prévenu.');
  await openHelp(state.helpId);
});

start().catch(showLoadError);
