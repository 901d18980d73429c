// The shape launch.json must have before variables are merged into it. jsonc-parser's `modify` throws its own
// internal text ("Can not add index to parent of type string") on a wrong shape; this names what is wrong instead.
// Pure (no vscode), so it is unit-tested.

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "a string", "a list", "null"… for messages. */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : typeof v === 'boolean' ? `${v}` : `a ${typeof v}`;
}

/** Why `json` (a parsed launch.json) cannot take an `env` entry in every configuration, or undefined when it can. */
export function launchShapeError(json: unknown): string | undefined {
  if (!isObject(json)) return `launch.json must be an object ({ "configurations": [ … ] }), but it is ${kindOf(json)}`;
  const configs = json.configurations;
  if (configs === undefined) return undefined;
  if (!Array.isArray(configs)) {
    return `"configurations" in launch.json must be a list [ … ], but it is ${kindOf(configs)}`;
  }
  for (let i = 0; i < configs.length; i++) {
    const c: unknown = configs[i];
    if (!isObject(c)) return `configuration ${i + 1} in launch.json must be an object { … }, but it is ${kindOf(c)}`;
    const name = typeof c.name === 'string' ? ` ("${c.name.slice(0, 60)}")` : '';
    if (c.env !== undefined && !isObject(c.env)) {
      return `"env" of configuration ${i + 1}${name} in launch.json must be an object { "NAME": "value" }, but it is ${kindOf(c.env)}`;
    }
  }
  return undefined;
}
