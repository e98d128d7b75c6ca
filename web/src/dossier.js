// Small enhancements shared by every page. The pages work without them.

document.documentElement.classList.add('js');

// On an incident page, one button opens or closes the sources of every
// value of the infobox.
function sourcesToggle() {
  const box = document.getElementById('infobox');
  if (!box) return;
  const values = box.querySelectorAll('details.value');
  if (values.length === 0) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'toggle-sources';
  button.textContent = 'Show all sources';
  let open = false;
  button.addEventListener('click', () => {
    open = !open;
    values.forEach((d) => { d.open = open; });
    button.textContent = open ? 'Hide all sources' : 'Show all sources';
  });
  box.parentNode.insertBefore(button, box);
}

// A value the reviewer just reviewed is marked on the page it comes back to.
function markReviewed() {
  const id = new URLSearchParams(location.search).get('reviewed');
  if (!id) return;
  const row = document.getElementById('review-' + id);
  if (row) {
    row.classList.add('just-reviewed');
    row.scrollIntoView({ block: 'center' });
  }
}

function ready(fn) {
  if (document.readyState !== 'loading') fn();
  else document.addEventListener('DOMContentLoaded', fn);
}

ready(() => {
  sourcesToggle();
  markReviewed();
});
