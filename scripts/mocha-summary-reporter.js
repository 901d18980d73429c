// Mocha's spec reporter plus a closing line "<label>: N passed, N failed[, N skipped]" that CI reads, and, when
// MOCHA_SUMMARY_FILE is set, the same counts as JSON so scripts/test.mjs can add up unit and integration runs.
const Mocha = require('mocha');
const fs = require('fs');

const { EVENT_RUN_END } = Mocha.Runner.constants;

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const label = process.env.MOCHA_SUMMARY_LABEL || 'tests';
    runner.once(EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats;
      const skipped = pending ? `, ${pending} skipped` : '';
      console.log(`${label}: ${passes} passed, ${failures} failed${skipped}`);
      if (process.env.MOCHA_SUMMARY_FILE) {
        fs.writeFileSync(process.env.MOCHA_SUMMARY_FILE, JSON.stringify({ passes, failures, pending }));
      }
    });
  }
}

module.exports = SummaryReporter;
