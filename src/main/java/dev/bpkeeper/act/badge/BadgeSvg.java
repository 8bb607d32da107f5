package dev.bpkeeper.act.badge;

/**
 * Draws a badge in shields.io's "flat" style exactly as bestpractices.dev's static badges are drawn: the same
 * elements, attributes and order, so that our SVG for "passing" is byte for byte the official file. Geometry:
 * each text's width is its Verdana width truncated and rounded up to an odd number (for pixel alignment), with 5
 * pixels of padding either side; text is drawn at ten times the size and scaled down, with a shadow one pixel
 * lower.
 */
public final class BadgeSvg {
    private static final int HEIGHT = 20;
    private static final int PADDING = 5;
    private static final String LABEL_COLOR = "#555";

    private BadgeSvg() {
    }

    public static String render(Badge badge) {
        int labelText = textWidth(badge.label());
        int messageText = textWidth(badge.message());
        int left = labelText + 2 * PADDING;
        int right = messageText + 2 * PADDING;
        int width = left + right;
        String label = Xml.escape(badge.label());
        String message = Xml.escape(badge.message());
        String title = label + ": " + message;
        StringBuilder svg = new StringBuilder(1300);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"")
                .append(width).append("\" height=\"").append(HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(title).append("\"><title>").append(title).append("</title>")
                .append("<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" "
                        + "stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>")
                .append("<clipPath id=\"r\"><rect width=\"").append(width).append("\" height=\"").append(HEIGHT)
                .append("\" rx=\"3\" fill=\"#fff\"/></clipPath>")
                .append("<g clip-path=\"url(#r)\"><rect width=\"").append(left).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"").append(LABEL_COLOR).append("\"/><rect x=\"").append(left).append("\" width=\"")
                .append(right).append("\" height=\"").append(HEIGHT).append("\" fill=\"").append(badge.color())
                .append("\"/><rect width=\"").append(width).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"url(#s)\"/></g>")
                .append("<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" "
                        + "text-rendering=\"geometricPrecision\" font-size=\"110\">");
        // x in tenths of a pixel: the label starts one pixel in, the message one pixel before the boundary.
        text(svg, label, 10 * (1 + PADDING) + 5 * labelText, labelText, false);
        text(svg, message, 10 * (left - 1 + PADDING) + 5 * messageText, messageText, badge.light());
        return svg.append("</g></svg>").toString();
    }

    /** The width shields.io reserves for a text: truncated, then rounded up to odd. */
    static int textWidth(String text) {
        int width = (int) VerdanaWidths.get().width(text);
        return width % 2 == 0 ? width + 1 : width;
    }

    private static void text(StringBuilder svg, String escaped, int x, int width, boolean darkText) {
        String shadow = darkText ? "#ccc" : "#010101";
        String fill = darkText ? "#333" : "#fff";
        svg.append("<text aria-hidden=\"true\" x=\"").append(x).append("\" y=\"150\" fill=\"").append(shadow)
                .append("\" fill-opacity=\".3\" transform=\"scale(.1)\" textLength=\"").append(10 * width).append("\">")
                .append(escaped).append("</text>")
                .append("<text x=\"").append(x).append("\" y=\"140\" transform=\"scale(.1)\" fill=\"").append(fill)
                .append("\" textLength=\"").append(10 * width).append("\">").append(escaped).append("</text>");
    }
}
