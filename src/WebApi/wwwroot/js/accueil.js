// Accueil (signed in): greeting, profile and school, contact details with the e-mail's confirmation state,
// change of password and of contact details, sign-out. Without a session: back to Connexion.

import { currentAccount, postJson, putJson, signOut } from './api.js';
import { formatDate, formatPhone, initPasswordToggles, labels, notify, onSubmit, valueOf } from './forms.js';
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
  text('establishment', `${account.establishment.name} (${account.establishment.uai})`);
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
});

load().catch(() => notify(notice, 'error', 'Votre espace ne peut pas être affiché pour le moment. Réessayez dans quelques instants.'));
