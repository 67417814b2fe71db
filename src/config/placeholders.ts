/** Values that appear in docs, samples and our own embedded default. */
const WELL_KNOWN = new Set([
  'local-dev-secret',
  'local-dev-admin-token',
  'secret',
  'changeme',
  'change-me',
  'change_me',
  'replaceme',
  'replace-me',
  'replace_me',
  'password',
  'test',
  'default',
  'example',
  'placeholder',
  'todo',
  'ywrtaw46c3vwzxjzzwnyzxq=', // Basic admin:supersecret, a common sample
]);

/** Shapes of a value someone meant to replace. */
const PLACEHOLDER_SHAPES = [
  /^your[-_ ]/i, // your-api-key, YOUR_AUTH_TOKEN
  /^<.*>$/s, // <auth token>
  /\$\{.*\}/s, // ${VAR} left literal ($${…} in the file, or a variable holding one)
  /^\{\{.*\}\}$/s, // {{ .Values.token }}
  /^(?:[a-z]{2})?x{3,}$/i, // xxx, ACxxxxxxxx…
  /^[*.…]+$/, // ******, copied masked from a dashboard
];

/** Auth schemes a header value may start with; the credential is what follows. */
const SCHEME = /^(?:bearer|basic|token|app|accesskey|key|apikey)\s+/i;

/** Whether a secret is a placeholder or a well-known sample value rather than a credential. */
export function isPlaceholder(value: string): boolean {
  const secret = value.trim().replace(SCHEME, '');
  return (
    WELL_KNOWN.has(secret.toLowerCase()) || PLACEHOLDER_SHAPES.some((shape) => shape.test(secret))
  );
}
