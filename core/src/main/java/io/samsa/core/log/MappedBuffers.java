package io.samsa.core.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;

/**
 * Releases a memory mapping now instead of whenever the garbage collector gets to it, so that a
 * closed or deleted index stops holding address space and file pages. Uses the JDK's
 * {@code Unsafe.invokeCleaner} (module jdk.unsupported); when that is unavailable the mapping is
 * left to the collector. Thread-safe; the caller guarantees nobody touches the buffer afterwards.
 */
final class MappedBuffers {

    private static final Logger LOG = LoggerFactory.getLogger(MappedBuffers.class);
    private static final MethodHandle INVOKE_CLEANER = lookupCleaner();

    private MappedBuffers() {
    }

    static void unmap(MappedByteBuffer buffer) {
        if (buffer == null || INVOKE_CLEANER == null) {
            return;
        }
        try {
            INVOKE_CLEANER.invokeExact((ByteBuffer) buffer);
        } catch (Throwable t) {
            LOG.warn("Could not unmap an index buffer; it will be released by the garbage collector", t);
        }
    }

    private static MethodHandle lookupCleaner() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            Object unsafe = theUnsafe.get(null);
            MethodHandle handle = MethodHandles.lookup().findVirtual(unsafeClass, "invokeCleaner",
                    MethodType.methodType(void.class, ByteBuffer.class));
            return handle.bindTo(unsafe);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info("Index buffers will be unmapped by the garbage collector: {}", e.toString());
            return null;
        }
    }
}
