// The registry of rule families. The scanner runs every family whose `appliesTo` matches a file; a family's
// `scan` starts with a cheap keyword test of the raw text, so files that cannot match cost one regex test.
import { RuleFamily } from './types';
import { python } from './python';
import { javascript } from './javascript';
import { go } from './go';
import { jvm } from './jvm';
import { csharp } from './csharp';
import { ruby } from './ruby';
import { php } from './php';
import { rust } from './rust';
import { shellFamily } from './shell';
import { envFamily } from './env';
import { configFamily } from './config';

export * from './types';

/** Every rule family (code languages first; the shell/CI/config families are appended here). */
export const families: RuleFamily[] = [
  python,
  javascript,
  go,
  jvm,
  csharp,
  ruby,
  php,
  rust,
  shellFamily,
  envFamily,
  configFamily,
];
