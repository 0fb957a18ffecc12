package io.colony.manager.internal.placement;

import io.colony.api.cluster.Member;
import io.colony.api.node.Role;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition on a worker, written by users in job specs: {@code cores >= 4 && data.gpu == true}. Parsed once, then
 * tested against each {@link Member}; immutable and safe to share between threads.
 *
 * <pre>
 * query      := or
 * or         := and ( '||' and )*
 * and        := unary ( '&amp;&amp;' unary )*
 * unary      := '!' unary | '(' or ')' | field ( op literal )?
 * op         := '==' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;='
 * literal    := number unit? | 'text' | "text" | true | false
 * unit       := B | KB | MB | GB | TB | PB | KiB | MiB | GiB | TiB | PiB   (any case)
 * </pre>
 *
 * <p>Fields: {@code cores} (logical), {@code physicalCores}, {@code load} (one-minute system load), {@code cpu} (0 to
 * 1), {@code memory.total}, {@code memory.available}, {@code disk.total}, {@code disk.free} (bytes), {@code os},
 * {@code jvm}, {@code id}, {@code host}, {@code roles} ({@code roles == 'worker'} when it has the role) and
 * {@code data.<key>} (the member's user data: compared as text with a quoted literal, as a number with a number, as a
 * boolean with {@code true}/{@code false}). A field alone means it is present and true: non-zero, non-empty, and for
 * user data set to anything but {@code false}.
 *
 * <p>A value that is unknown (no hardware status yet, a load the OS does not report, a user data key that is not set,
 * user data that is not a number when compared with one) makes every comparison with it false, {@code !=} included;
 * {@code !} then negates that false as usual.
 */
public final class WorkerQuery implements Predicate<Member> {

    /** Longest query accepted, in characters. */
    public static final int MAX_LENGTH = 1000;
    /** Deepest nesting of parentheses and negations accepted. */
    public static final int MAX_DEPTH = 32;

    private static final WorkerQuery ALL = new WorkerQuery("", new Always(), Set.of());

    private final String text;
    private final Node root;
    private final Set<QueryField> fields;

    private WorkerQuery(String text, Node root, Set<QueryField> fields) {
        this.text = text;
        this.root = root;
        this.fields = fields;
    }

    /**
     * Parses a query.
     *
     * @throws IllegalArgumentException with a message starting {@code query: } that says where and what was expected
     */
    public static WorkerQuery parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "query: too long: " + text.length() + " characters (at most " + MAX_LENGTH + ")");
        }
        Parser parser = new Parser(text);
        Node root = parser.parse();
        return new WorkerQuery(text, root, Collections.unmodifiableSet(parser.fields));
    }

    /** The query every member passes: no condition. */
    public static WorkerQuery all() {
        return ALL;
    }

    /** The query passed by the members with one of these ids; written as {@code id == 'a' || id == 'b'}. */
    public static WorkerQuery idIn(Collection<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("query: no worker ids given");
        }
        QueryField id = QueryField.named("id").orElseThrow();
        List<Node> any = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (String each : new LinkedHashSet<>(ids)) {
            any.add(new Compare(id, Op.EQ, Objects.requireNonNull(each, "id")));
            parts.add("id == '" + each.replace("\\", "\\\\").replace("'", "\\'") + "'");
        }
        return new WorkerQuery(String.join(" || ", parts), any.size() == 1 ? any.get(0) : new Or(any), Set.of(id));
    }

    @Override
    public boolean test(Member member) {
        return root.test(member);
    }

    /** The query as written; empty for {@link #all()}. */
    public String text() {
        return text;
    }

    /** Whether this is {@link #all()}: no condition at all. */
    public boolean isAll() {
        return root instanceof Always;
    }

    /** The fields the query reads, in the order they first appear, to show a member's values in explanations. */
    Set<QueryField> fields() {
        return fields;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WorkerQuery query && query.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * Reads a number with an optional size unit, as written in a query or in user data: {@code 4}, {@code -1.5},
     * {@code 4GiB}, {@code 512 MiB} is not one (no space).
     *
     * @return the number, or {@code null} when the text is not one
     */
    static BigDecimal number(String text) {
        Matcher m = NUMBER.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        BigDecimal factor = unit(m.group(2));
        return factor == null ? null : new BigDecimal(m.group(1)).multiply(factor);
    }

    private static final Pattern NUMBER = Pattern.compile("(-?\\d+(?:\\.\\d+)?)([A-Za-z]*)");
    static final String UNITS = "B, KB, MB, GB, TB, PB, KiB, MiB, GiB, TiB, PiB";

    private static BigDecimal unit(String unit) {
        switch (unit.toLowerCase(Locale.ROOT)) {
            case "": case "b": return BigDecimal.ONE;
            case "kb": return BigDecimal.TEN.pow(3);
            case "mb": return BigDecimal.TEN.pow(6);
            case "gb": return BigDecimal.TEN.pow(9);
            case "tb": return BigDecimal.TEN.pow(12);
            case "pb": return BigDecimal.TEN.pow(15);
            case "kib": return BigDecimal.valueOf(2).pow(10);
            case "mib": return BigDecimal.valueOf(2).pow(20);
            case "gib": return BigDecimal.valueOf(2).pow(30);
            case "tib": return BigDecimal.valueOf(2).pow(40);
            case "pib": return BigDecimal.valueOf(2).pow(50);
            default: return null;
        }
    }

    // ---------------------------------------------------------------- evaluation

    private interface Node {
        boolean test(Member member);
    }

    private record Always() implements Node {
        @Override
        public boolean test(Member member) {
            return true;
        }
    }

    private record Or(List<Node> any) implements Node {
        @Override
        public boolean test(Member member) {
            for (Node node : any) {
                if (node.test(member)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record And(List<Node> all) implements Node {
        @Override
        public boolean test(Member member) {
            for (Node node : all) {
                if (!node.test(member)) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Not(Node node) implements Node {
        @Override
        public boolean test(Member member) {
            return !node.test(member);
        }
    }

    /** A field alone: present and true. */
    private record Present(QueryField field) implements Node {
        @Override
        public boolean test(Member member) {
            Object value = field.value(member);
            if (value instanceof BigDecimal number) {
                return number.signum() != 0;
            }
            if (value instanceof String string) {
                return !string.isBlank() && !(field.kind() == QueryField.Kind.DATA && string.trim().equalsIgnoreCase("false"));
            }
            if (value instanceof Set<?> set) {
                return !set.isEmpty();
            }
            return false;
        }
    }

    enum Op {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        boolean ordering() {
            return this != EQ && this != NE;
        }

        boolean holds(int comparison) {
            switch (this) {
                case EQ: return comparison == 0;
                case NE: return comparison != 0;
                case LT: return comparison < 0;
                case LE: return comparison <= 0;
                case GT: return comparison > 0;
                default: return comparison >= 0;
            }
        }

        static Op of(String symbol) {
            for (Op op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    /** A field against a literal: a BigDecimal, String, Boolean, or (for roles) a Role. */
    private record Compare(QueryField field, Op op, Object literal) implements Node {
        @Override
        public boolean test(Member member) {
            Object value = field.value(member);
            if (value == null) {
                return false;
            }
            if (value instanceof Set<?> roles) {
                return roles.contains(literal) == (op == Op.EQ);
            }
            if (value instanceof BigDecimal number) {
                return op.holds(number.compareTo((BigDecimal) literal));
            }
            String string = (String) value;
            if (literal instanceof BigDecimal number) {
                BigDecimal parsed = number(string);
                return parsed != null && op.holds(parsed.compareTo(number));
            }
            if (literal instanceof Boolean bool) {
                String trimmed = string.trim();
                if (!trimmed.equalsIgnoreCase("true") && !trimmed.equalsIgnoreCase("false")) {
                    return false;
                }
                return (Boolean.parseBoolean(trimmed) == bool) == (op == Op.EQ);
            }
            return string.equals(literal) == (op == Op.EQ);
        }
    }

    // ---------------------------------------------------------------- parsing

    private enum Type { FIELD, NUMBER, STRING, BOOLEAN, OP, AND, OR, NOT, OPEN, CLOSE, END }

    /** A token; {@code at} is its 1-based position in the query, {@code text} as written. */
    private record Token(Type type, String text, int at, Object value) {
        String shown() {
            return type == Type.END ? "end of input" : type == Type.STRING ? text : "'" + text + "'";
        }

        boolean isLiteral() {
            return type == Type.NUMBER || type == Type.STRING || type == Type.BOOLEAN;
        }
    }

    private static final class Parser {
        private final String text;
        private int pos;
        private Token peeked;
        private int depth;
        final Set<QueryField> fields = new LinkedHashSet<>();

        Parser(String text) {
            this.text = text;
        }

        Node parse() {
            Node node = or();
            Token end = next();
            if (end.type() != Type.END) {
                throw error(end.at(), "expected '&&', '||' or end of input, found " + end.shown());
            }
            return node;
        }

        private Node or() {
            List<Node> any = new ArrayList<>();
            any.add(and());
            while (peek().type() == Type.OR) {
                next();
                any.add(and());
            }
            return any.size() == 1 ? any.get(0) : new Or(List.copyOf(any));
        }

        private Node and() {
            List<Node> all = new ArrayList<>();
            all.add(unary());
            while (peek().type() == Type.AND) {
                next();
                all.add(unary());
            }
            return all.size() == 1 ? all.get(0) : new And(List.copyOf(all));
        }

        private Node unary() {
            Token token = next();
            switch (token.type()) {
                case NOT: {
                    enter(token);
                    Node node = new Not(unary());
                    depth--;
                    return node;
                }
                case OPEN: {
                    enter(token);
                    Node node = or();
                    Token close = next();
                    if (close.type() != Type.CLOSE) {
                        throw error(close.at(), "expected ')' to close '(' at " + token.at() + ", found " + close.shown());
                    }
                    depth--;
                    return node;
                }
                case FIELD:
                    return term(token);
                default:
                    throw error(token.at(), "expected a field, '!' or '(', found " + token.shown());
            }
        }

        private void enter(Token token) {
            if (++depth > MAX_DEPTH) {
                throw error(token.at(), "nested deeper than " + MAX_DEPTH + " levels");
            }
        }

        private Node term(Token name) {
            QueryField field = QueryField.named(name.text()).orElseThrow(() -> new IllegalArgumentException(
                    "query: unknown field '" + name.text() + "' (fields: " + QueryField.NAMES + ")"));
            fields.add(field);
            if (peek().type() != Type.OP) {
                return new Present(field);
            }
            Token opToken = next();
            Op op = Op.of(opToken.text());
            Token literal = next();
            if (!literal.isLiteral()) {
                throw error(literal.at(), "expected a value after '" + opToken.text() + "', found " + literal.shown());
            }
            return new Compare(field, op, checked(field, opToken, op, literal));
        }

        /** The literal's value if the field takes it with that operator. */
        private Object checked(QueryField field, Token opToken, Op op, Token literal) {
            switch (field.kind()) {
                case NUMBER:
                case BYTES:
                    if (literal.type() != Type.NUMBER) {
                        throw error(literal.at(), "expected a number for '" + field.name() + "', found " + literal.shown());
                    }
                    return literal.value();
                case TEXT:
                case ROLES:
                    if (op.ordering()) {
                        throw error(opToken.at(), "expected '==' or '!=' after '" + field.name() + "', found " + opToken.shown());
                    }
                    if (literal.type() != Type.STRING) {
                        throw error(literal.at(),
                                "expected a quoted string for '" + field.name() + "', found " + literal.shown());
                    }
                    if (field.kind() == QueryField.Kind.ROLES) {
                        try {
                            return Role.parse((String) literal.value());
                        } catch (IllegalArgumentException e) {
                            throw error(literal.at(), e.getMessage());
                        }
                    }
                    return literal.value();
                default: // user data
                    if (op.ordering() && literal.type() != Type.NUMBER) {
                        throw error(literal.at(), "expected a number after '" + op.symbol + "', found " + literal.shown());
                    }
                    return literal.value();
            }
        }

        // ------------------------------------------------------------ tokens

        private Token peek() {
            if (peeked == null) {
                peeked = lex();
            }
            return peeked;
        }

        private Token next() {
            Token token = peek();
            peeked = null;
            return token;
        }

        private Token lex() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            int start = pos;
            int at = start + 1;
            if (pos >= text.length()) {
                return new Token(Type.END, "", at, null);
            }
            char c = text.charAt(pos);
            char d = pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
            switch (c) {
                case '(':
                    pos++;
                    return new Token(Type.OPEN, "(", at, null);
                case ')':
                    pos++;
                    return new Token(Type.CLOSE, ")", at, null);
                case '&':
                case '|':
                    if (d != c) {
                        throw error(at, "expected '" + c + c + "', found '" + c + "'");
                    }
                    pos += 2;
                    return new Token(c == '&' ? Type.AND : Type.OR, "" + c + c, at, null);
                case '=':
                    if (d != '=') {
                        throw error(at, "expected '==', found '='");
                    }
                    pos += 2;
                    return new Token(Type.OP, "==", at, null);
                case '!':
                    if (d == '=') {
                        pos += 2;
                        return new Token(Type.OP, "!=", at, null);
                    }
                    pos++;
                    return new Token(Type.NOT, "!", at, null);
                case '<':
                case '>':
                    pos += d == '=' ? 2 : 1;
                    return new Token(Type.OP, text.substring(start, pos), at, null);
                case '\'':
                case '"':
                    return string(c, at);
                default:
                    break;
            }
            if (Character.isDigit(c) || (c == '-' && Character.isDigit(d))) {
                pos++;
                while (pos < text.length() && isWordChar(text.charAt(pos))) {
                    pos++;
                }
                String written = text.substring(start, pos);
                Matcher m = NUMBER.matcher(written);
                if (!m.matches()) {
                    throw error(at, "malformed number '" + written + "'");
                }
                BigDecimal factor = unit(m.group(2));
                if (factor == null) {
                    throw error(at, "unknown unit '" + m.group(2) + "' in '" + written + "' (units: " + UNITS + ")");
                }
                return new Token(Type.NUMBER, written, at, new BigDecimal(m.group(1)).multiply(factor));
            }
            if (Character.isLetter(c) || c == '_') {
                while (pos < text.length() && (isWordChar(text.charAt(pos)) || text.charAt(pos) == '-')) {
                    pos++;
                }
                String word = text.substring(start, pos);
                if (word.equals("true") || word.equals("false")) {
                    return new Token(Type.BOOLEAN, word, at, Boolean.valueOf(word));
                }
                return new Token(Type.FIELD, word, at, null);
            }
            throw error(at, "unexpected character '" + c + "'");
        }

        private Token string(char quote, int at) {
            StringBuilder value = new StringBuilder();
            int start = pos;
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == quote) {
                    return new Token(Type.STRING, text.substring(start, pos), at, value.toString());
                }
                if (c == '\\' && pos < text.length()) {
                    c = text.charAt(pos++);
                }
                value.append(c);
            }
            throw error(at, "expected " + quote + " to close the string, found end of input");
        }

        private static boolean isWordChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '.';
        }

        private static IllegalArgumentException error(int at, String message) {
            return new IllegalArgumentException("query: at " + at + ": " + message);
        }
    }
}
