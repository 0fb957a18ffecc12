package correct;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Math: BigInteger, BigDecimal, Math and the boxes' helpers; the input is n. */
public class BigNumbers implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        int n = Integer.parseInt(input.asText().trim());
        BigInteger factorial = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            factorial = factorial.multiply(BigInteger.valueOf(i));
        }
        int digitSum = factorial.toString().chars().map(c -> c - '0').sum();
        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < 3 * n; i++) {
            BigInteger next = a.add(b);
            a = b;
            b = next;
        }
        BigInteger modulus = BigInteger.valueOf(1_000_000_007L);
        BigDecimal sqrt2 = new BigDecimal(2).sqrt(new MathContext(50));
        BigDecimal third = BigDecimal.ONE.divide(new BigDecimal(3), 30, RoundingMode.HALF_EVEN);
        BigDecimal money = new BigDecimal("19.995").setScale(2, RoundingMode.HALF_UP);
        StringBuilder out = new StringBuilder();
        out.append(n).append("! has ").append(factorial.toString().length()).append(" digits summing to ").append(digitSum).append('\n');
        out.append("fib(").append(3 * n).append(") mod 1e9+7 = ").append(a.mod(modulus)).append('\n');
        out.append("2^").append(n).append(" mod 1e9+7 = ").append(BigInteger.TWO.modPow(BigInteger.valueOf(n), modulus)).append('\n');
        out.append("gcd = ").append(factorial.gcd(a)).append(", probable prime 1e9+7: ").append(modulus.isProbablePrime(40)).append('\n');
        out.append("sqrt 2 = ").append(sqrt2).append('\n');
        out.append("1/3 = ").append(third).append(", 19.995 rounded = ").append(money).append(", stripped = ")
                .append(new BigDecimal("12.3400").stripTrailingZeros().toPlainString()).append('\n');
        out.append(String.format(Locale.ROOT, "sin(1) = %.10f, hypot = %.6f, cbrt = %.6f, e^pi = %.8e%n", Math.sin(1), Math.hypot(3, 4),
                Math.cbrt(n), Math.exp(Math.PI)));
        out.append("floorMod(-7, 3) = ").append(Math.floorMod(-7, 3)).append(", floorDiv = ").append(Math.floorDiv(-7, 3))
                .append(", abs(MIN) = ").append(Math.abs(Integer.MIN_VALUE)).append(", round(2.5) = ").append(Math.round(2.5)).append('\n');
        out.append("bits of 255 = ").append(Integer.bitCount(255)).append(", binary 42 = ").append(Integer.toBinaryString(42))
                .append(", hex = ").append(Long.toHexString(3_000_000_000L)).append(", parsed ff = ").append(Integer.parseInt("ff", 16))
                .append(", max long = ").append(Long.MAX_VALUE).append(", ulp = ").append(Math.ulp(1.0)).append('\n');
        out.append("double sum = ").append(0.1 + 0.2).append(", float = ").append(0.1f + 0.2f).append(", NaN = ")
                .append(Double.isNaN(0.0 / 0.0)).append(", compare = ").append(Double.compare(-0.0, 0.0));
        return Payload.text(out.toString());
    }
}
