package io.colony.http.internal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colony.http.internal.routing.ApiException;
import io.colony.http.internal.routing.ErrorStyle;
import io.colony.http.internal.routing.Replies;
import io.colony.http.internal.routing.Reply;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.event.EventConstants;
import org.osgi.service.log.Logger;

/**
 * The server-sent event stream of {@code GET /api/v1/events}: every event published here goes to
 * every open stream as {@code event: <topic below io/colony/>} and {@code data: <properties as JSON>}.
 * A client's unsent data is bounded by its connection's write buffer: a client whose connection is
 * not writable (it does not read fast enough) is dropped, never buffered for. Closed streams leave
 * the set at once. A comment every keep-alive interval keeps proxies and idle timers from closing
 * quiet streams.
 */
public final class EventStream implements Reply.StreamSource, AutoCloseable {

    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(15);
    public static final String TOPIC_ROOT = "io/colony/";
    public static final String CONTENT_TYPE = "text/event-stream; charset=utf-8";
    private static final byte[] CONNECTED = ": connected\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private final Set<Channel> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger places = new AtomicInteger();
    private final int maxClients;
    private final Replies replies;
    private final ObjectMapper mapper;
    private final Logger log;
    private final ScheduledFuture<?> keepAlive;

    public EventStream(int maxClients, Duration keepAliveInterval, ScheduledExecutorService scheduler, Replies replies, Logger log) {
        this.maxClients = maxClients;
        this.replies = replies;
        this.mapper = replies.mapper();
        this.log = log;
        long period = keepAliveInterval.toMillis();
        this.keepAlive = scheduler.scheduleAtFixedRate(() -> broadcast(KEEP_ALIVE), period, period, TimeUnit.MILLISECONDS);
    }

    /** Starts a stream on the connection (on its event loop), or refuses with 503 when {@code max.event.streams} are open. */
    @Override
    public Optional<Reply.Full> open(Channel channel) {
        if (places.incrementAndGet() > maxClients) {
            places.decrementAndGet();
            return Optional.of(replies.error(ErrorStyle.COLONY,
                    new ApiException(503, "", "too many event streams open (" + maxClients + "); try again later").withHeader("Retry-After", "5")));
        }
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set("X-Accel-Buffering", "no");
        HttpUtil.setTransferEncodingChunked(head, true);
        channel.write(head);
        channel.writeAndFlush(chunk(CONNECTED));
        clients.add(channel);
        channel.closeFuture().addListener(closed -> {
            clients.remove(channel);
            places.decrementAndGet();
        });
        return Optional.empty();
    }

    /** Sends an event to every stream; may be called from any thread, never blocks. */
    public void publish(String topic, Map<String, ?> properties) {
        if (clients.isEmpty()) {
            return;
        }
        String name = topic.startsWith(TOPIC_ROOT) ? topic.substring(TOPIC_ROOT.length()) : topic;
        Map<String, Object> shown = new LinkedHashMap<>(properties);
        shown.remove(EventConstants.EVENT_TOPIC);
        String data;
        try {
            data = mapper.writeValueAsString(EventJson.properties(shown));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the properties of event " + topic, e);
        }
        broadcast(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    /** How many streams are open. */
    public int clients() {
        return clients.size();
    }

    private void broadcast(byte[] frame) {
        for (Channel channel : clients) {
            if (!channel.isActive()) {
                clients.remove(channel);
            } else if (!channel.isWritable()) {
                clients.remove(channel);
                log.warn("HTTP: dropping the event stream of {}: it does not read fast enough", channel.remoteAddress());
                channel.close();
            } else {
                channel.writeAndFlush(chunk(frame));
            }
        }
    }

    private static DefaultHttpContent chunk(byte[] bytes) {
        return new DefaultHttpContent(Unpooled.wrappedBuffer(bytes));
    }

    /** Stops the keep-alive and closes every stream. */
    @Override
    public void close() {
        keepAlive.cancel(false);
        for (Channel channel : clients) {
            channel.close();
        }
        clients.clear();
    }
}
