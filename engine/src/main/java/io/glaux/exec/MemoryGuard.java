package io.glaux.exec;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.ref.WeakReference;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjLongConsumer;
import java.util.stream.Collectors;

/**
 * Watches the heap after each garbage collection: when a collection leaves more of it in use than the limit (a
 * fraction of the largest heap the JVM may grow to), the heap is nearly exhausted by what running queries hold, and
 * the owner is told how much is in use, so that a query can be failed before the JVM runs out of memory. Listens to
 * the JVM's collectors' notifications while open; {@link #close()} stops listening. The JVM's collectors outlive
 * any engine, so the guard holds its owner weakly: an owner never closed can still be collected, and its guard then
 * stops listening by itself.
 *
 * @param <T> the owner's type
 */
final class MemoryGuard<T> implements AutoCloseable {

    private final long limitBytes;
    private final WeakReference<T> owner;
    private final ObjLongConsumer<T> onExhausted;
    private final Set<String> heapPools;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;

    /**
     * @param limitFraction the share of the maximum heap that may stay in use after a collection (0 to 1)
     * @param owner what is told
     * @param onExhausted called, on the JVM's notification thread, with the owner and the bytes in use after a
     *     collection that left more than the limit; it must not hold the owner itself
     */
    MemoryGuard(double limitFraction, T owner, ObjLongConsumer<T> onExhausted) {
        if (!(limitFraction > 0 && limitFraction <= 1)) {
            throw new IllegalArgumentException("memory limit fraction must be in (0, 1]: " + limitFraction);
        }
        this.limitBytes = (long) (Runtime.getRuntime().maxMemory() * limitFraction);
        this.owner = new WeakReference<>(owner);
        this.onExhausted = onExhausted;
        this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toUnmodifiableSet());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    long limitBytes() {
        return limitBytes;
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        T told = owner.get();
        if (told == null) {
            close();
        } else if (used > limitBytes) {
            onExhausted.accept(told, used);
        }
    }

    @Override
    public synchronized void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // Already removed.
            }
        }
        emitters.clear();
    }
}
