namespace NetCourse.Book;

/// <summary>
/// The book's presenter mode: a chapter page shows one section at a time (a section starts at each level-1 or level-2
/// heading), in large type, with ← → (also Page Up/Down, space, Home, End) to move and Échap to leave. Opening
/// <c>chapitre.html#present</c> starts it (<c>#present-3</c> at the third section). It hides and shows the page's own
/// cells, so outputs and charts stay as the kernel produced them; it runs after the page's load, once the charts are
/// drawn, and redraws the charts of the section it shows at the new size. Offline: no external resource.
/// </summary>
internal static class PresenterMode
{
    /// <summary>The link the navigation bar carries.</summary>
    public const string Link = "<a href=\"#present\" title=\"Une section à la fois : ← → pour naviguer, Échap pour quitter\">Présenter</a>";

    /// <summary>The style and script added once at the end of each chapter page.</summary>
    public const string Snippet = """
        <style id="nc-present-style">
        html.nc-present body{font-size:160%;background:#fff}
        html.nc-present .netcourse-nav{display:none!important}
        html.nc-present main,html.nc-present .jp-Notebook{max-width:1500px;margin:0 auto;padding:24px 48px 96px}
        html.nc-present .jp-RenderedMarkdown{font-size:1.6em;line-height:1.45}
        html.nc-present .jp-InputArea pre,html.nc-present .jp-OutputArea pre{font-size:1.25em}
        html.nc-present .jp-InputPrompt,html.nc-present .jp-OutputPrompt{display:none}
        #nc-present-bar{position:fixed;right:16px;bottom:12px;font:16px system-ui,sans-serif;background:#1f3b63;color:#fff;padding:6px 12px;border-radius:6px;opacity:.85;z-index:1000}
        </style>
        <script id="nc-present-script">
        (function () {
          var sections = null, current = 0, bar = null;
          function cells() { return Array.prototype.slice.call(document.querySelectorAll('.jp-Cell')); }
          function build() {
            var list = [];
            cells().forEach(function (cell) {
              var heading = cell.classList.contains('jp-MarkdownCell') && cell.querySelector('h1, h2');
              if (heading || list.length === 0) { list.push([]); }
              list[list.length - 1].push(cell);
            });
            return list;
          }
          function redraw(section) {
            if (!window.Plotly || !window.Plotly.Plots) { return; }
            section.forEach(function (cell) {
              cell.querySelectorAll('.js-plotly-plot').forEach(function (chart) {
                try { window.Plotly.Plots.resize(chart); } catch (e) { }
              });
            });
          }
          function show(index) {
            current = Math.max(0, Math.min(sections.length - 1, index));
            sections.forEach(function (section, k) {
              section.forEach(function (cell) { cell.style.display = k === current ? '' : 'none'; });
            });
            document.documentElement.setAttribute('data-nc-section', String(current + 1));
            document.documentElement.setAttribute('data-nc-sections', String(sections.length));
            bar.textContent = (current + 1) + ' / ' + sections.length + '  ·  ← → pour naviguer, Échap pour quitter';
            redraw(sections[current]);
            window.scrollTo(0, 0);
            if (history.replaceState) { history.replaceState(null, '', '#present-' + (current + 1)); }
          }
          function start(index) {
            if (!sections) { sections = build(); }
            if (sections.length === 0) { return; }
            document.documentElement.classList.add('nc-present');
            if (!bar) {
              bar = document.createElement('div');
              bar.id = 'nc-present-bar';
              document.body.appendChild(bar);
            }
            bar.style.display = '';
            show(index);
          }
          function stop() {
            if (!document.documentElement.classList.contains('nc-present')) { return; }
            document.documentElement.classList.remove('nc-present');
            document.documentElement.removeAttribute('data-nc-section');
            cells().forEach(function (cell) { cell.style.display = ''; });
            if (bar) { bar.style.display = 'none'; }
            if (history.replaceState) { history.replaceState(null, '', location.pathname + location.search); }
            sections.forEach(redraw);
          }
          function fromHash() {
            var match = /^#present(?:-(\d+))?$/.exec(location.hash);
            if (match) { start(match[1] ? parseInt(match[1], 10) - 1 : 0); }
          }
          document.addEventListener('keydown', function (event) {
            if (!document.documentElement.classList.contains('nc-present')) { return; }
            var key = event.key;
            if (key === 'ArrowRight' || key === 'ArrowDown' || key === 'PageDown' || key === ' ') { show(current + 1); }
            else if (key === 'ArrowLeft' || key === 'ArrowUp' || key === 'PageUp') { show(current - 1); }
            else if (key === 'Home') { show(0); }
            else if (key === 'End') { show(sections.length - 1); }
            else if (key === 'Escape') { stop(); }
            else { return; }
            event.preventDefault();
          });
          window.addEventListener('hashchange', fromHash);
          if (document.readyState === 'complete') { fromHash(); } else { window.addEventListener('load', fromHash); }
        })();
        </script>
        """;
}
