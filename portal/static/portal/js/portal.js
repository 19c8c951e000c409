// The portal's own behaviour, kept out of the templates so the CSP can forbid inline scripts.
// A <select data-autosubmit> submits its form as soon as the choice changes.
document.addEventListener("change", (event) => {
  if (event.target.matches("select[data-autosubmit]") && event.target.form) {
    event.target.form.requestSubmit();
  }
});

// A box that scrolls sideways (a chart or wide table on a narrow or zoomed screen) takes
// the keyboard focus, so it can be scrolled with the arrow keys as well as the mouse.
const focusScrollers = () => {
  document.querySelectorAll(".chart, .table-wrap, .table").forEach((box) => {
    if (box.scrollWidth > box.clientWidth) {
      box.tabIndex = 0;
    } else {
      box.removeAttribute("tabindex");
    }
  });
};
window.addEventListener("load", focusScrollers);
window.addEventListener("resize", focusScrollers);
