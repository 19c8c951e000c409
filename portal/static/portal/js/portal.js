// The portal's own behaviour, kept out of the templates so the CSP can forbid inline scripts.
// A <select data-autosubmit> submits its form as soon as the choice changes.
document.addEventListener("change", (event) => {
  if (event.target.matches("select[data-autosubmit]") && event.target.form) {
    event.target.form.requestSubmit();
  }
});
