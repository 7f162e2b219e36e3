// Carries the identifier and the activation code from Connexion to Activation in this tab's sessionStorage,
// never in a query string (which would end up in the history, the logs and the Referer). The QR code of the
// printed letter brings them in the URL fragment instead (/activation#identifier=…&code=…), which the browser
// never sends to the server; the activation page moves them here and clears the address bar.

const KEY = 'ent77.activation';

/** verified: the service has just answered "activationRequired" for this pair (Connexion checked it). */
export function saveActivation({ identifier, code, rememberMe = false, verified = false }) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ identifier, code, rememberMe: Boolean(rememberMe), verified: Boolean(verified) }));
  } catch {
    // Private browsing without storage: the activation page asks for the identifier and the code again.
  }
}

export function readActivation() {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

export function clearActivation() {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}

// « Votre compte est activé » is said once, on the first Accueil after Activation, in this tab only.
const ACTIVATED = 'ent77.activated';

export function markActivated() {
  try {
    sessionStorage.setItem(ACTIVATED, '1');
  } catch {
    // Without storage the message is not shown; nothing else depends on it.
  }
}

export function takeActivated() {
  try {
    const activated = sessionStorage.getItem(ACTIVATED) === '1';
    sessionStorage.removeItem(ACTIVATED);
    return activated;
  } catch {
    return false;
  }
}
