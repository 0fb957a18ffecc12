package io.colony.manager.internal.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WorkerQueryErrorsTest {

    private static String error(String query) {
        return assertThrows(IllegalArgumentException.class, () -> WorkerQuery.parse(query)).getMessage();
    }

    @Test
    void missingValueAtEndNamesOperatorAndPosition() {
        assertEquals("query: at 12: expected a value after '>=', found end of input", error("cores >=   "));
        assertEquals("query: at 10: expected a value after '>=', found end of input", error("cores >= "));
    }

    @Test
    void missingValueBeforeOperatorNamesWhatWasFound() {
        assertEquals("query: at 10: expected a value after '==', found '&&'", error("cores == && load < 1"));
        assertEquals("query: at 9: expected a value after '<', found 'load'", error("cores < load"));
    }

    @Test
    void unknownFieldListsTheFields() {
        assertEquals("query: unknown field 'coress' (fields: cores, physicalCores, load, cpu, memory.total, "
                + "memory.available, disk.total, disk.free, os, jvm, id, host, roles, data.<key>)", error("coress >= 4"));
        assertEquals("query: unknown field 'data.' (fields: cores, physicalCores, load, cpu, memory.total, "
                + "memory.available, disk.total, disk.free, os, jvm, id, host, roles, data.<key>)", error("data. == 1"));
    }

    @Test
    void emptyQueryExpectsAField() {
        assertEquals("query: at 1: expected a field, '!' or '(', found end of input", error(""));
        assertEquals("query: at 4: expected a field, '!' or '(', found end of input", error("   "));
    }

    @Test
    void valueWhereFieldExpected() {
        assertEquals("query: at 1: expected a field, '!' or '(', found '4'", error("4 <= cores"));
        assertEquals("query: at 13: expected a field, '!' or '(', found end of input", error("cores > 1 &&"));
        assertEquals("query: at 1: expected a field, '!' or '(', found ')'", error(")"));
    }

    @Test
    void trailingInputIsRejected() {
        assertEquals("query: at 12: expected '&&', '||' or end of input, found 'load'", error("cores == 4 load < 1"));
        assertEquals("query: at 11: expected '&&', '||' or end of input, found ')'", error("cores == 4)"));
        assertEquals("query: at 7: expected '&&', '||' or end of input, found '4'", error("cores 4"));
    }

    @Test
    void unclosedParenthesisPointsAtItsOpening() {
        assertEquals("query: at 16: expected ')' to close '(' at 2, found end of input", error("!( (cores == 4)"));
    }

    @Test
    void singleSymbolOperatorsSuggestTheDoubleOne() {
        assertEquals("query: at 7: expected '==', found '='", error("cores = 4"));
        assertEquals("query: at 12: expected '&&', found '&'", error("cores == 4 & load < 1"));
        assertEquals("query: at 12: expected '||', found '|'", error("cores == 4 | load < 1"));
    }

    @Test
    void unexpectedCharacterIsNamed() {
        assertEquals("query: at 10: unexpected character '#'", error("cores >= #4"));
        assertEquals("query: at 10: unexpected character '-'", error("cores >= -x"));
    }

    @Test
    void unclosedStringNamesItsQuote() {
        assertEquals("query: at 7: expected ' to close the string, found end of input", error("os == 'Linux"));
        assertEquals("query: at 7: expected \" to close the string, found end of input", error("os == \"Linux'"));
    }

    @Test
    void badNumbersAndUnitsAreExplained() {
        assertEquals("query: at 10: malformed number '4.5.6'", error("cores >= 4.5.6"));
        assertEquals("query: at 10: malformed number '4.'", error("cores >= 4."));
        assertEquals("query: at 21: unknown unit 'GX' in '4GX' (units: B, KB, MB, GB, TB, PB, KiB, MiB, GiB, TiB, PiB)",
                error("memory.available >= 4GX"));
    }

    @Test
    void literalOfTheWrongTypeForTheField() {
        assertEquals("query: at 10: expected a number for 'cores', found 'many'", error("cores >= 'many'"));
        assertEquals("query: at 10: expected a number for 'cores', found \"many\"", error("cores >= \"many\""));
        assertEquals("query: at 17: expected a number for 'memory.total', found 'true'", error("memory.total == true"));
        assertEquals("query: at 7: expected a quoted string for 'os', found '4'", error("os == 4"));
        assertEquals("query: at 10: expected a quoted string for 'roles', found 'true'", error("roles == true"));
    }

    @Test
    void orderingOnTextIsRejected() {
        assertEquals("query: at 4: expected '==' or '!=' after 'os', found '<'", error("os < 'L'"));
        assertEquals("query: at 7: expected '==' or '!=' after 'roles', found '>='", error("roles >= 'worker'"));
        assertEquals("query: at 13: expected a number after '<', found 'eu'", error("data.zone < 'eu'"));
        assertEquals("query: at 13: expected a number after '>', found 'true'", error("data.gpu >= true".replace(">=", "> ")));
    }

    @Test
    void unknownRoleNamesTheRoles() {
        assertEquals("query: at 10: unknown role 'wroker' (expected manager, worker or tracker)", error("roles == 'wroker'"));
    }

    @Test
    void tooLongIsRejectedBeforeParsing() {
        String query = "cores == 4 || ".repeat(100) + "cores == 4";
        assertEquals("query: too long: " + query.length() + " characters (at most 1000)", error(query));
    }

    @Test
    void tooDeepIsRejectedAtTheOffendingLevel() {
        String parens = "(".repeat(33) + "cores == 8" + ")".repeat(33);
        assertEquals("query: at 33: nested deeper than 32 levels", error(parens));
        assertEquals("query: at 33: nested deeper than 32 levels", error("!".repeat(33) + "cores"));
        assertEquals("query: at 33: nested deeper than 32 levels", error("!(".repeat(17) + "cores" + ")".repeat(17)));
    }
}
