// Where shell commands and environment assignments live in build and CI files: Dockerfile RUN/ENV/ARG, Makefile
// recipes and variables, package.json scripts, Jenkinsfile `sh` steps, Terraform/Packer provisioner commands, Windows batch files, and YAML (GitHub Actions/GitLab/Azure/CircleCI `run:`/`script:`,
// Ansible `shell:`/`command:`, `env:`/`variables:`/`environment:` maps, Kubernetes `env:` lists). Each surface is
// cut out as a Source (text + map back to file offsets) for the shell family to analyse. Line-based and forgiving: a
// half-typed file in the editor still yields what can be read. This file picks the surface of a path; each
// extractor lives in its own file here.
import { baseName, Source } from '../env';
import { batch } from './batch';
import { dockerfile } from './dockerfile';
import { hcl } from './hcl';
import { jenkinsfile } from './jenkinsfile';
import { makefile } from './makefile';
import { packageScripts } from './package-json';
import { Surfaces } from './types';
import { yaml } from './yaml';

export type { Surfaces } from './types';

type Kind = 'shell' | 'dockerfile' | 'makefile' | 'package' | 'yaml' | 'jenkinsfile' | 'hcl' | 'batch';

// bats tests, expect scripts and PowerShell scripts run command lines too (`run curl -sSk …`, `spawn git -c …`,
// `& $GIT -c …`); their own syntax around the commands holds no switch the shell rules would misread.
const SHELL_EXT = /\.(?:sh|bash|zsh|ksh|dash|command|bats|exp|ps1|psm1)$/i;
const SHELL_NAMES = new Set([
  '.envrc',
  '.bashrc',
  '.bash_profile',
  '.bash_login',
  '.profile',
  '.zshrc',
  '.zprofile',
  '.zshenv',
  '.kshrc',
  'PKGBUILD',
]);
const SHEBANG = /^#![^\n]*\b(?:(?:ba|z|k|da|a)?sh|expect|bats)\b/;
/** Maven's per-project command-line options (`-Dmaven.wagon.http.ssl.insecure=true`, one or more per line). */
const MAVEN_ARGS = /(?:^|[\\/])\.mvn[\\/](?:maven|jvm)\.config$/;

/** Which kind of surface a path is, or undefined. Extension-less files are 'shell' candidates (checked for a shebang). */
function kindOf(path: string, languageId?: string): Kind | undefined {
  const base = baseName(path);
  if (
    languageId === 'dockerfile' ||
    /^(?:Dockerfile|Containerfile)(?:\..+)?$|\.(?:dockerfile|containerfile)$/i.test(base)
  ) {
    return 'dockerfile';
  }
  if (languageId === 'makefile' || /^(?:GNUmakefile|makefile|Makefile)$|\.(?:mk|mak)$/.test(base)) return 'makefile';
  if (base === 'package.json') return 'package';
  if (/^Jenkinsfile(?:\..+)?$|\.jenkinsfile$/i.test(base) || languageId === 'jenkinsfile') return 'jenkinsfile';
  if (/\.ya?ml$/i.test(base) || languageId === 'yaml') return 'yaml';
  if (/\.(?:tf|hcl)$/i.test(base) || languageId === 'terraform') return 'hcl';
  if (/\.(?:bat|cmd)$/i.test(base) || languageId === 'bat') return 'batch';
  if (isNamedShell(base, languageId) || MAVEN_ARGS.test(path)) return 'shell';
  if (!base.includes('.') && !languageId) return 'shell';
  return undefined;
}

/** True for files whose commands or environment the shell family reads. */
export function isShellSurface(path: string, languageId?: string): boolean {
  return kindOf(path, languageId) !== undefined;
}

/** Cuts the shell sources and env assignments out of a file. */
export function surfacesOf(text: string, path: string, languageId?: string, relevant?: RegExp): Surfaces {
  switch (kindOf(path, languageId)) {
    case 'dockerfile':
      return dockerfile(text, relevant);
    case 'makefile':
      return makefile(text);
    case 'package':
      return { sources: packageScripts(text, relevant), env: [] };
    case 'yaml':
      return yaml(text, relevant);
    case 'jenkinsfile':
      return jenkinsfile(text);
    case 'hcl':
      return hcl(text, relevant);
    case 'batch':
      return batch(text);
    case 'shell':
      return shellScript(text, path, languageId);
    default:
      return { sources: [], env: [] };
  }
}

function shellScript(text: string, path: string, languageId?: string): Surfaces {
  const known = isNamedShell(baseName(path), languageId) || MAVEN_ARGS.test(path);
  return { sources: known || SHEBANG.test(text) ? [new Source(text, 0)] : [], env: [] };
}

/** A shell script by language id or name; other extension-less files count only with a shell shebang. */
function isNamedShell(base: string, languageId?: string): boolean {
  return languageId === 'shellscript' || SHELL_EXT.test(base) || SHELL_NAMES.has(base);
}
