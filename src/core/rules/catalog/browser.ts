// The browser-automation rules as data: switches of Chromium and of the automation libraries (Puppeteer, Playwright,
// Selenium/WebDriver) that make a driven browser accept any certificate. The same switch is written in every
// language that drives a browser, so the family reads Python, JavaScript/TypeScript, Java/Kotlin and C#; the
// Chromium flag on a command line is reported by the shell family. The matcher lives in ../browser.ts.
import { ruleFactory } from '../define';

const rule = ruleFactory('browser', { surface: 'javascript', file: 'e2e.js' });

/** The browser-automation rules, by short name. */
export const BROWSER = {
  ignoreCertErrors: rule('ignore-certificate-errors', {
    title: 'Chromium --ignore-certificate-errors: the browser accepts any certificate',
    description: 'With this switch Chrome, Chromium and Electron load every page whatever its certificate, so tests and scrapers stop noticing interception. Install your CA in the browser\'s trust store (NSS database or the OS store) instead.',
    concept: 'verification-off',
    client: 'browser',
    notes: 'The switch as a whole string literal (`"--ignore-certificate-errors"`) in Selenium `add_argument`/`addArguments`, Puppeteer/Playwright `args` arrays and Electron `app.commandLine.appendSwitch(\'ignore-certificate-errors\')`, and the flag on any command line (`google-chrome --ignore-certificate-errors`). A message that merely mentions the switch is not a finding.',
    examples: {
      flagged: [
        `const browser = await puppeteer.launch({
  args: ['--no-sandbox', «'--ignore-certificate-errors'»],
});
app.commandLine.appendSwitch(«'ignore-certificate-errors'»);`,
        { file: 'test_ui.py', code: 'options = webdriver.ChromeOptions()\noptions.add_argument(«"--ignore-certificate-errors"»)' },
        { file: 'UiTest.java', code: 'ChromeOptions options = new ChromeOptions();\noptions.addArguments(«"--ignore-certificate-errors"»);' },
        { file: 'run-e2e.sh', code: 'google-chrome --headless «--ignore-certificate-errors» https://app.corp.example' },
      ],
      ok: [
        { file: 'setup.sh', code: '# add the CA to the NSS database the browser reads:\ncertutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n corp-ca -i /etc/ssl/corp-ca.pem' },
        'console.log("pass --ignore-certificate-errors to skip checks");',
        '// args: [\'--ignore-certificate-errors\']',
        { file: 'test_ui.py', code: 'options.add_argument("--headless")\nprint("--ignore-certificate-errors")' },
      ],
    },
  }),
  ignoreHttpsErrors: rule('ignore-https-errors', {
    title: 'ignoreHTTPSErrors / acceptInsecureCerts: the automated browser accepts any certificate',
    description: 'Puppeteer, Playwright and WebDriver sessions with this option load pages whatever their certificate. Trust your CA in the browser profile (or the OS store) and leave the option off.',
    concept: 'verification-off',
    client: 'browser',
    notes: 'Puppeteer/Playwright `ignoreHTTPSErrors: true` (JavaScript), `ignore_https_errors=True` (Python), `setIgnoreHTTPSErrors(true)` (Java), `IgnoreHTTPSErrors = true` (.NET); WebDriver `acceptInsecureCerts: true`, `accept_insecure_certs = True`, `setAcceptInsecureCerts(true)`, `AcceptInsecureCertificates = true` and the `"acceptInsecureCerts"` capability set to true; the option as a string key too (pytest-playwright\'s `browser_context_args` fixture returning `{**args, "ignore_https_errors": True}`, a quoted `\'ignoreHTTPSErrors\': true`). In JavaScript/TypeScript and Python an options object or dict bound to a name is found where a call takes it (`puppeteer.launch(opts)`, `new_context(**args)`; a member set statement by statement stays on its line). TypeScript type declarations (`interface LaunchOptions { ignoreHTTPSErrors: true }`) are not findings, nor is a library passing its caller\'s own option on (`if (options.ignoreHttpsErrors) contextOptions.ignoreHTTPSErrors = true`, on the same line or within the two lines below the `if`).',
    examples: {
      flagged: [
        `const browser = await puppeteer.launch({ «ignoreHTTPSErrors: true» });
const context = await browser.newContext({
  viewport: { width: 1280, height: 720 },
  «ignoreHTTPSErrors: true»,
});
const caps = { browserName: 'chrome', «acceptInsecureCerts: true» };`,
        { file: 'conftest.py', code: 'context = browser.new_context(«ignore_https_errors=True»)\noptions.«accept_insecure_certs = True»\noptions.set_capability(«"acceptInsecureCerts", True»)' },
        { file: 'conftest.py', code: '@pytest.fixture(scope="session")\ndef browser_context_args(browser_context_args):\n    # the staging proxy re-signs every page\n    return {**browser_context_args, «"ignore_https_errors": True»}' },
        { file: 'E2e.java', code: 'Browser.NewContextOptions o = new Browser.NewContextOptions().«setIgnoreHTTPSErrors(true)»;\nchromeOptions.«setAcceptInsecureCerts(true)»;' },
        { file: 'E2e.cs', code: 'var context = await browser.NewContextAsync(new() { «IgnoreHTTPSErrors = true» });' },
      ],
      ok: [
        'const browser = await puppeteer.launch(); // the CA is in the OS store the browser reads',
        'const context = await browser.newContext({ ignoreHTTPSErrors: false });',
        { file: 'types.ts', code: 'interface LaunchOptions {\n  ignoreHTTPSErrors: true;\n}\ntype Caps = { acceptInsecureCerts: true };' },
        { file: 'conftest.py', code: 'context = browser.new_context(ignore_https_errors=False)\nargs = {**browser_context_args, "ignore_https_errors": False}\nprint(\'"ignore_https_errors": True\')' },
        'if (options.ignoreHttpsErrors)\n  contextOptions.ignoreHTTPSErrors = true;',
      ],
    },
  }),
} as const;
