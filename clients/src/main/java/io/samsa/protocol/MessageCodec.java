package io.samsa.protocol;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Reads and writes any message body at any version its {@link MessageSpec} covers: the one
 * codec behind every API. Reading consumes exactly the message from the buffer's position and
 * turns every kind of malformed input into a {@link ProtocolException}; writing checks nothing
 * but nullability and value kinds, and skips fields that the version does not have. Stateless;
 * thread-safe.
 */
public final class MessageCodec {

    private MessageCodec() {
    }

    public static Struct read(MessageSpec spec, short version, ByteBuffer buf) {
        if (!spec.hasVersion(version)) {
            throw new ProtocolException(spec.name() + " has no version " + version);
        }
        int start = buf.position();
        try {
            return StructReader.read(spec.root(), version, spec.isFlexible(version), buf);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new ProtocolException(spec.name() + " v" + version + ": truncated at byte "
                + (buf.position() - start), e);
        } catch (ProtocolException e) {
            throw new ProtocolException(spec.name() + " v" + version + ": " + e.getMessage(), e);
        }
    }

    public static int size(MessageSpec spec, short version, Struct s) {
        checkWritable(spec, version, s);
        return StructWriter.size(spec.root(), s, version, spec.isFlexible(version));
    }

    public static void write(MessageSpec spec, short version, Struct s, ProtocolSink sink) {
        checkWritable(spec, version, s);
        StructWriter.write(spec.root(), s, version, spec.isFlexible(version), sink);
    }

    /** Sizes, allocates and writes; the returned heap buffer is flipped, ready to read. */
    public static ByteBuffer toBuffer(MessageSpec spec, short version, Struct s) {
        int size = size(spec, version, s);
        ByteBuffer buf = ByteBuffer.allocate(size);
        write(spec, version, s, new ByteBufferSink(buf));
        if (buf.hasRemaining()) {
            throw new IllegalStateException(spec.name() + " v" + version + ": sized " + size + " bytes but wrote " + buf.position());
        }
        return buf.flip();
    }

    private static void checkWritable(MessageSpec spec, short version, Struct s) {
        if (!spec.hasVersion(version)) {
            throw new IllegalArgumentException(spec.name() + " has no version " + version);
        }
        if (s.spec() != spec.root()) {
            throw new IllegalArgumentException("A " + s.spec().name() + " is not a " + spec.name());
        }
    }
}
