package correct;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** java.time without the clock: dates, periods, durations, ISO formats. */
public class TimeArithmetic implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        LocalDate start = LocalDate.parse(input.asText().trim());
        LocalDate leapLater = start.plusYears(1);
        LocalDate nextFriday = start.with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
        long days = ChronoUnit.DAYS.between(start, LocalDate.of(2030, 1, 1));
        Period period = Period.between(start, LocalDate.of(2030, 1, 1));
        Duration shift = Duration.ofMinutes(135).plusSeconds(30);
        LocalDateTime meeting = LocalDateTime.of(start, LocalTime.of(9, 30)).plus(shift);
        Instant epoch = meeting.toInstant(ZoneOffset.UTC);
        int fridays13 = 0;
        for (YearMonth month = YearMonth.from(start); month.getYear() <= 2030; month = month.plusMonths(1)) {
            if (month.atDay(13).getDayOfWeek() == DayOfWeek.FRIDAY) {
                fridays13++;
            }
        }
        return Payload.text(start + " is a " + start.getDayOfWeek() + ", day " + start.getDayOfYear() + ", leap year " + start.isLeapYear() + "\n"
                + "a year later: " + leapLater + ", next friday: " + nextFriday + ", month length: " + YearMonth.from(start).lengthOfMonth() + "\n"
                + "until 2030: " + days + " days = " + period + "\n"
                + "shift " + shift + " -> " + meeting.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + " = " + epoch + " = " + epoch.getEpochSecond() + "\n"
                + "fridays the 13th until 2030: " + fridays13 + ", week of " + DateTimeFormatter.ISO_WEEK_DATE.format(start));
    }
}
