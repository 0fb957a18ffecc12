package io.colony.http.internal.routing;

/** How a family of routes words its errors. */
public enum ErrorStyle {
    /** Colony's own API: {@code {"error": "<message>", "field": "<field>"}}, the field only when one is at fault. */
    COLONY,
    /** The PCCI-compatible routes: {@code {"message": "<message>"}}, as the seed PCCI answered. */
    PCCI
}
