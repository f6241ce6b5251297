"""The app's look: a Gradio theme of our own (type scale, colours, spacing), the little CSS a theme
cannot say (tables sized by their content, compact tabs on a phone), and a sidebar that starts
closed on a phone.

Colours are chosen for contrast (WCAG AA): body text slate-800 on white (12:1), links and primary
buttons teal-800 (white on it 6.6:1). Fonts are the system's own: nothing is fetched.
"""

from __future__ import annotations

import gradio as gr

SYSTEM_FONTS = ("system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Helvetica", "sans-serif")
MONO_FONTS = ("ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace")
# a modular scale of about 1.2 from a 15 px body
TYPE_SCALE = gr.themes.Size(
    name="advisor_text", xxs="10px", xs="12px", sm="13px", md="15px", lg="18px", xl="22px", xxl="27px"
)
WIDE_SCREEN_PX = 768  # narrower (a phone): the sidebar starts closed, else it covers the page
TEAL = gr.themes.colors.teal
SLATE = gr.themes.colors.slate


class AdvisorTheme(gr.themes.Base):
    """Teal for what acts, slate for what reads, white blocks on a pale page, 8 px corners."""

    def __init__(self) -> None:
        super().__init__(
            primary_hue=TEAL,
            secondary_hue=TEAL,
            neutral_hue=SLATE,
            text_size=TYPE_SCALE,
            spacing_size=gr.themes.sizes.spacing_md,
            radius_size=gr.themes.sizes.radius_md,
            font=SYSTEM_FONTS,
            font_mono=MONO_FONTS,
        )
        self.name = "coalition-advisor"
        self.set(
            body_background_fill="*neutral_50",
            body_text_color="*neutral_800",
            body_text_color_subdued="*neutral_600",
            background_fill_primary="white",
            background_fill_secondary="*neutral_50",
            block_background_fill="white",
            block_border_color="*neutral_200",
            block_shadow="0 1px 2px rgba(15, 23, 42, 0.06)",
            block_title_text_weight="600",
            block_label_text_weight="600",
            block_label_text_color="*neutral_700",
            link_text_color="*primary_800",
            link_text_color_visited="*primary_900",
            button_primary_background_fill="*primary_800",
            button_primary_background_fill_hover="*primary_900",
            button_primary_text_color="white",
            button_primary_border_color="*primary_800",
            button_secondary_background_fill="white",
            button_secondary_background_fill_hover="*neutral_100",
            button_secondary_border_color="*neutral_300",
            button_secondary_text_color="*neutral_800",
            button_large_text_weight="600",
            input_border_color_focus="*primary_600",
            color_accent_soft="*primary_50",
            loader_color="*primary_700",
            slider_color="*primary_700",
        )


CSS = """
#mode-badge {white-space: nowrap}
.app-title h2 {margin-bottom: 0}
/* tables take the width their content needs: words are never broken inside, long text wraps at
   spaces, a table wider than the screen scrolls sideways */
.prose table {display: block; max-width: 100%; overflow-x: auto}
.prose th, .prose td {word-break: normal; overflow-wrap: normal; hyphens: manual; vertical-align: top}
.prose td:first-child {min-width: 8em}
#scorecard, #scorecard *, #files, #files * {font-family: var(--font)}
/* the sidebar's files table: no word broken inside ("charte r", "chu nks"); only a long file name
   may break, and only where nothing else fits */
#files [role=columnheader], #files [role=gridcell], #files td {font-size: var(--text-sm)}
#files [role=columnheader] *, #files [role=gridcell] *, #files td * {
  word-break: normal !important; overflow-wrap: normal !important}
#files [data-col="0"] *, #files td:first-child * {overflow-wrap: anywhere !important}
/* uploaded files: the whole name, wrapped where it must (the narrow sidebar showed "charter.md" as
   "c..md") */
#upload .file-preview {table-layout: auto}
#upload .file-preview .filename {flex: 1 1 0; min-width: 0; flex-wrap: wrap}
#upload .file-preview .filename .stem {white-space: normal; overflow-wrap: anywhere}
#upload .file-preview .download {flex: none; width: auto; min-width: 0; font-size: var(--text-sm)}
.stakeholder-chart {display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start}
.stakeholder-chart .grid {flex: 1 1 340px; max-width: 520px}
.stakeholder-chart .legend {flex: 1 1 260px; margin: 0; padding: 0; list-style: none}
.stakeholder-chart .legend li {display: flex; gap: 8px; align-items: flex-start; margin-bottom: 8px}
.stakeholder-chart .dot {flex: none; width: 22px; height: 22px; border-radius: 50%; color: white;
  font-size: 12px; font-weight: 700; display: inline-flex; align-items: center; justify-content: center}
.chart-note {font-size: var(--text-sm); color: var(--body-text-color-subdued); max-width: 60em}
@media (max-width: 640px) {
  /* five tabs on one line of a phone (else Gradio folds the last ones into a "..." menu) */
  #views button[role="tab"] {padding: 0 6px; font-size: 14px}
  /* result tables fit a phone more often (a pivot table's Status column was cut to "S"); wider ones scroll */
  .prose table {font-size: 13px}
  .prose th, .prose td {padding: 4px 6px}
  .app-title p, .mode-detail {display: none}
  /* the scorecard keeps readable columns and scrolls sideways (a phone broke "element" into "ele/me/nt") */
  #scorecard table {min-width: 640px}
  #scorecard [role=columnheader] *, #scorecard th * {
    word-break: normal !important; overflow-wrap: normal !important}
}
"""
# Gradio scopes `CSS` to the app's content; the page's own margins need a rule of the page's head.
# Gradio names each chat message (its aria-label) by the message's raw text, which here is sanitized
# HTML: a screen reader read out the tags. The script renames each message by the text it shows.
HEAD = """<style>
@media (max-width: 640px) {
  .gradio-container .main.app {padding-left: 40px; padding-right: 8px; padding-top: 40px}
}
/* on a phone the closed sidebar's chevron was easy to miss: it says what it opens */
@media (max-width: 640px) {
  .sidebar:not(.open) .toggle-button {width: auto; height: auto; padding: 6px 10px 6px 6px; gap: 4px;
    display: flex; align-items: center; border-radius: 0 8px 8px 0}
  .sidebar:not(.open) .toggle-button::after {content: "Workspace"; font-size: 13px; font-weight: 600}
}
</style>
<script>
(() => {
  const SAYS = "'s message: ";
  let queued = false;
  const rename = () => {
    queued = false;
    for (const message of document.querySelectorAll(`[aria-label*="${SAYS}"]`)) {
      const who = message.getAttribute("aria-label").split(SAYS)[0];
      const shown = (message.innerText || "").replace(/\\s+/g, " ").trim().slice(0, 400);
      const name = who + SAYS + shown;
      if (shown && message.getAttribute("aria-label") !== name) message.setAttribute("aria-label", name);
    }
  };
  new MutationObserver(() => { if (!queued) { queued = true; requestAnimationFrame(rename); } })
    .observe(document.documentElement, {subtree: true, childList: true, characterData: true});
})();
</script>"""


def open_on_wide_screens(demo: gr.Blocks, sidebar: gr.Sidebar) -> None:
    """The sidebar is built closed; once the page has loaded, the browser tells its width and the
    sidebar opens where it has room beside the page (on a phone it would cover it). Call it inside
    `demo`'s layout."""
    width = gr.Number(visible=False)
    demo.load(
        lambda shown: gr.Sidebar(open=(shown or 0) >= WIDE_SCREEN_PX),
        inputs=width,
        outputs=sidebar,
        js="() => window.innerWidth",
        api_visibility="private",
        queue=False,
    )
