// Accueil (signed in): greeting, profile and school, a parent's children (name, class, school), contact details with the e-mail's confirmation state,
// change of password and of contact details, the open sessions (end one, or all), sign-out.
// Without a session: back to Connexion.

import { ApiError, currentAccount, getJson, postJson, putJson, request, signOut } from './api.js';
import { el, formatDate, formatDateTime, formatPhone, initPasswordToggles, labels, notify, onSubmit, valueOf } from './forms.js';
import { attachChecklist } from './password-rules.js';

const notice = document.getElementById('notice');
const contactForm = document.getElementById('contact-form');
const passwordForm = document.getElementById('password-form');

for (const button of document.querySelectorAll('.sign-out')) {
  button.addEventListener('click', signOut);
}

initPasswordToggles(document);
attachChecklist(document.getElementById('newPassword'), document.getElementById('new-password-rules'));

const text = (id, value) => {
  document.getElementById(id).textContent = value ?? '';
};

async function load() {
  const account = await currentAccount();
  if (!account) {
    window.location.replace('/');
    return null;
  }

  text('greeting', `Bonjour ${account.firstName}`);
  text('identifier', account.identifier);
  text('profile', labels.profile[account.profile] ?? account.profile);
  document.getElementById('class-row').hidden = !account.className;
  text('class-name', account.className);
  text('establishment', account.establishment
    ? `${account.establishment.name} (${account.establishment.uai})`
    : 'aucun (administration de la plateforme)');
  showChildren(account.children ?? []);
  text('email', account.email ?? 'aucune');
  const state = document.getElementById('email-state');
  if (account.email && account.emailConfirmedAt) {
    state.textContent = 'confirmée';
    state.className = 'badge ok';
    text('email-state-help', `Adresse confirmée le ${formatDate(account.emailConfirmedAt)}.`);
  } else if (account.email) {
    state.textContent = 'à confirmer';
    state.className = 'badge todo';
    text('email-state-help', 'Ouvrez le lien reçu par e-mail pour confirmer cette adresse. Vérifiez aussi les courriers indésirables.');
  } else {
    state.textContent = '';
    state.className = '';
    text('email-state-help', '');
  }

  text('mobile', account.mobilePhone ? formatPhone(account.mobilePhone) : 'aucun');
  const administrator = (account.roles ?? []).some((r) => r.role === 'EstablishmentAdmin' || r.role === 'PlatformAdmin');
  document.getElementById('nav-admin').hidden = !administrator;
  document.getElementById('admin-card').hidden = !administrator;

  contactForm.elements.email.value = account.email ?? '';
  contactForm.elements.mobilePhone.value = formatPhone(account.mobilePhone);
  document.getElementById('account').hidden = false;
  return account;
}

/** A parent's children: name, class and school of each (none for other profiles: the card stays hidden). */
function showChildren(children) {
  document.getElementById('children-card').hidden = children.length === 0;
  document.getElementById('children').replaceChildren(...children.map((child) => el('li', { className: 'child' },
    el('p', { className: 'child-name' }, el('strong', { text: `${child.firstName} ${child.lastName}` })),
    el('dl', { className: 'facts' },
      el('div', {}, el('dt', { text: 'Classe' }), el('dd', { text: child.className || 'non renseignée' })),
      el('div', {}, el('dt', { text: 'Établissement' }), el('dd', {
        text: child.establishment ? `${child.establishment.name} (${child.establishment.uai})` : '',
      })),
      el('div', {}, el('dt', { text: 'Identifiant' }), el('dd', { text: child.identifier }))))));
}

onSubmit(contactForm, async () => {
  notice.replaceChildren();
  await putJson('/api/account/contact', {
    email: valueOf(contactForm, 'email'),
    mobilePhone: valueOf(contactForm, 'mobilePhone') || null,
    currentPassword: valueOf(contactForm, 'currentPassword'),
  });
  contactForm.elements.currentPassword.value = '';
  document.getElementById('contact-details').open = false;
  await load();
  notify(notice, 'success', 'Vos coordonnées sont enregistrées.');
  notice.focus();
});

onSubmit(passwordForm, async () => {
  notice.replaceChildren();
  await postJson('/api/account/password', {
    currentPassword: valueOf(passwordForm, 'currentPassword'),
    newPassword: valueOf(passwordForm, 'newPassword'),
    newPasswordConfirmation: valueOf(passwordForm, 'newPasswordConfirmation'),
  });
  passwordForm.reset();
  passwordForm.elements.newPassword.dispatchEvent(new Event('input'));
  document.getElementById('password-details').open = false;
  notify(notice, 'success', 'Votre mot de passe est changé. Vos autres sessions ont été fermées.');
  notice.focus();
  await loadSessions();
});

// ---- Sessions ------------------------------------------------------------------------------

const sessionList = document.getElementById('sessions');

function sessionItem(session) {
  const heading = el('p', { className: 'session-device' }, el('strong', { text: session.device }),
    session.current ? el('span', { className: 'badge ok', text: 'cet appareil' }) : null);
  const facts = el('p', { className: 'hint' },
    `Ouverte le ${formatDateTime(session.createdAt)} · dernière activité le ${formatDateTime(session.lastSeenAt)} · `,
    session.rememberMe
      ? `mémorisée (« Se souvenir de moi ») jusqu’au ${formatDate(session.expiresAt)}`
      : 'se termine après 30 minutes sans activité');
  const item = el('li', { className: 'session', 'data-session': session.id }, heading, facts);
  if (!session.current) {
    const end = el('button', {
      type: 'button',
      className: 'button secondary small',
      text: 'Terminer cette session',
      'aria-label': `Terminer cette session : ${session.device}, ouverte le ${formatDateTime(session.createdAt)}`,
    });
    end.addEventListener('click', () => endSession(session));
    item.append(end);
  }

  return item;
}

async function loadSessions() {
  const sessions = await getJson('/api/account/sessions');
  sessionList.replaceChildren(...sessions.map(sessionItem));
}

async function endSession(session) {
  notice.replaceChildren();
  try {
    await request(`/api/account/sessions/${encodeURIComponent(session.id)}`, { method: 'DELETE' });
    notify(notice, 'success', `La session ${session.device} est terminée : cet appareil devra se reconnecter.`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      window.location.replace('/');
      return;
    }

    // Already ended elsewhere (404): the list below says how things stand now.
    notify(notice, error instanceof ApiError && error.status === 404 ? '' : 'error',
      error instanceof ApiError && error.status === 404 ? 'Cette session était déjà terminée.' : error.message);
  }

  notice.focus();
  await loadSessions();
}

document.getElementById('sign-out-everywhere').addEventListener('click', async () => {
  try {
    await request('/api/account/sessions/sign-out-everywhere', { method: 'POST' });
  } finally {
    window.location.assign('/');
  }
});

load()
  .then((account) => (account ? loadSessions() : null))
  .catch(() => notify(notice, 'error', 'Votre espace ne peut pas être affiché pour le moment. Réessayez dans quelques instants.'));
