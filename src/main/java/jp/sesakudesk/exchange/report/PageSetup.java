package jp.sesakudesk.exchange.report;

/**
 * How a sheet prints: on A4 portrait, shrunk to one page wide and as many pages tall as it takes,
 * with these margins (in inches) and a footer centred on every page.
 *
 * @param centerFooter the footer in Excel's header and footer codes (&amp;P the page, &amp;N the pages)
 */
record PageSetup(double sideMargin, double topMargin, double bottomMargin, double headerMargin,
                 double footerMargin, String centerFooter) {
}
