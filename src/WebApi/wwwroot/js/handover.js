// Carries the identifier and the activation code from Connexion to Activation in this tab's sessionStorage,
// never in a query string (which would end up in the history, the logs and the Referer). The QR code of the
// printed letter brings them in the URL fragment instead (/activation#identifier=…&code=…), which the browser
// never sends to the server; the activation page moves them here and clears the address bar.

const KEY = 'ent77.activation';

export function saveActivation({ identifier, code, rememberMe = false }) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ identifier, code, rememberMe: Boolean(rememberMe) }));
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
