// Webview script of the TLS Doctor check panel. It only forwards button clicks to the extension as messages
// ({ type, index?, url? }); the extension does the work. No remote code, no inline handlers (the CSP forbids both).
/* global acquireVsCodeApi, document, window, Element */
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();

  function busy(on) {
    document.body.classList.toggle('busy', on);
    for (const b of document.querySelectorAll('button[data-action="recheck"], button[data-action="checkUrl"]')) {
      b.disabled = on;
      if (on) { b.dataset.label = b.textContent; b.textContent = 'Checking…'; } else if (b.dataset.label) { b.textContent = b.dataset.label; }
    }
  }

  function flash(button, label) {
    const old = button.textContent;
    button.textContent = label;
    setTimeout(function () { button.textContent = old; }, 1500);
  }

  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
    if (!target || target.disabled) return;
    const action = target.dataset.action;
    const message = { type: action };
    if (target.dataset.index !== undefined) message.index = Number(target.dataset.index);
    if (target.dataset.url !== undefined) message.url = target.dataset.url;
    if (action === 'recheck' || action === 'checkUrl') busy(true);
    if (action === 'copy') flash(target, 'Copied');
    vscode.postMessage(message);
  });

  // The page is rebuilt for every report, and a live region only announces changes: fill the verdict in after load
  // so screen readers say it each time a check (or re-check) finishes.
  const verdict = document.querySelector('.verdict[role="status"]');
  if (verdict) {
    const said = verdict.textContent;
    verdict.textContent = '';
    setTimeout(function () { verdict.textContent = said; }, 150);
  }

  window.addEventListener('message', function (event) {
    const msg = event.data;
    if (msg && msg.type === 'idle') busy(false);
  });
})();
