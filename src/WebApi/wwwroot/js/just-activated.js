// Accueil, right after « Activer »: says once what just happened and what changes from now on (the code is dead,
// the personal password is the way in). The flag is set by activation.js in this tab's sessionStorage.

import { notify } from './forms.js';
import { takeActivated } from './handover.js';

if (takeActivated()) {
  const notice = document.getElementById('notice');
  notify(notice, 'success', 'Votre compte est activé. Désormais, connectez-vous avec votre identifiant et votre mot de passe personnel\u00a0: le code d’activation ne sert plus.');
  notice.focus();
}
