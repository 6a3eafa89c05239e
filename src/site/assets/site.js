// Lectern's programme site: what the script adds to pages that work without it.
// Stars sent in place, the reader's own time zone, nothing else. No other host is ever called.
(function () {
  'use strict';

  var ZONE_KEY = 'lectern.zone';

  function ready(fn) {
    if (document.readyState !== 'loading') fn();
    else document.addEventListener('DOMContentLoaded', fn);
  }

  // Stars: the forms post to the agenda; here they are sent without leaving the page and show their state.
  function markStars(starred) {
    var set = {};
    starred.forEach(function (id) {
      set[String(id)] = true;
    });
    document.querySelectorAll('form.star').forEach(function (form) {
      var on = !!set[form.getAttribute('data-session')];
      var button = form.querySelector('button');
      var action = form.querySelector('input[name="action"]');
      // A toggle button keeps its name (which holds its visible text); aria-pressed says whether it is on.
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
      button.querySelector('[aria-hidden]').textContent = on ? '★' : '☆';
      action.value = on ? 'remove' : 'add';
    });
  }

  function starsIn(page) {
    var forms = page.querySelectorAll('form.star');
    if (forms.length === 0) return;
    fetch(forms[0].getAttribute('action') + '/starred', { credentials: 'same-origin' })
      .then(function (response) {
        return response.ok ? response.json() : { starred: [] };
      })
      .then(function (body) {
        markStars(body.starred);
      })
      .catch(function () {});
    forms.forEach(function (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var body = new URLSearchParams(new FormData(form));
        fetch(form.getAttribute('action'), {
          method: 'POST',
          credentials: 'same-origin',
          headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
          body: body.toString(),
        })
          .then(function (response) {
            if (!response.ok) throw new Error('star refused');
            return response.json();
          })
          .then(function (answer) {
            markStars(answer.starred);
          })
          .catch(function () {
            form.submit();
          });
      });
    });
  }

  // Time zones: every <time> with data-format is rewritten in the browser's zone on request, and back.
  function formatIn(element, zone, language) {
    var instant = new Date(element.getAttribute('datetime'));
    var format = element.getAttribute('data-format');
    var options = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone };
    if (format === 'day-time') {
      options.weekday = 'short';
      options.day = 'numeric';
      options.month = 'short';
    }
    return new Intl.DateTimeFormat(language, options).format(instant);
  }

  function zoneName(instant, zone, language) {
    var parts = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'short' }).formatToParts(instant);
    var name = parts.filter(function (part) {
      return part.type === 'timeZoneName';
    })[0];
    return name ? name.value : zone;
  }

  function showZone(own) {
    var language = document.documentElement.lang || 'en';
    var browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    document.querySelectorAll('.zone-note').forEach(function (note) {
      var conferenceZone = note.getAttribute('data-conference-zone');
      var zone = own ? browserZone : conferenceZone;
      var text = note.querySelector('.zone-text');
      var button = note.querySelector('.zone-switch');
      text.textContent = own
        ? text.getAttribute('data-text-own').replace('{zone}', browserZone)
        : text.getAttribute('data-text-conference');
      button.textContent = own ? button.getAttribute('data-label-conference') : button.getAttribute('data-label-own');
      button.setAttribute('aria-pressed', own ? 'true' : 'false');
      button.hidden = browserZone === conferenceZone && !own;
      note.setAttribute('data-shown-zone', zone);
    });
    var shown = own ? browserZone : null;
    document.querySelectorAll('time[data-format]').forEach(function (element) {
      var note = document.querySelector('.zone-note');
      var zone = shown || (note && note.getAttribute('data-conference-zone'));
      if (!element.hasAttribute('data-conference-text')) element.setAttribute('data-conference-text', element.textContent);
      element.textContent = shown ? formatIn(element, zone, language) : element.getAttribute('data-conference-text');
    });
    document.querySelectorAll('abbr[data-zone]').forEach(function (abbr) {
      if (!abbr.hasAttribute('data-conference-text')) abbr.setAttribute('data-conference-text', abbr.textContent);
      var time = abbr.parentNode.querySelector('time');
      abbr.textContent = shown
        ? zoneName(new Date(time.getAttribute('datetime')), shown, language)
        : abbr.getAttribute('data-conference-text');
      abbr.title = shown || abbr.getAttribute('data-conference-text');
    });
  }

  function zonesIn() {
    var buttons = document.querySelectorAll('.zone-switch');
    if (buttons.length === 0) return;
    var own = false;
    try {
      own = localStorage.getItem(ZONE_KEY) === 'own';
    } catch (error) {
      own = false;
    }
    buttons.forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        own = !own;
        try {
          localStorage.setItem(ZONE_KEY, own ? 'own' : 'conference');
        } catch (error) {
          // Private browsing without storage: the choice lasts for this page.
        }
        showZone(own);
      });
    });
    showZone(own);
  }

  ready(function () {
    starsIn(document);
    zonesIn();
  });
})();
