// Small enhancements only: every page works without this script.

// After a failed submit, move focus to the error summary so that screen-reader users hear it first.
const summary = document.getElementById('error-summary');
if (summary) summary.focus();
