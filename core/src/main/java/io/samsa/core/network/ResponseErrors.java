package io.samsa.core.network;

import io.samsa.protocol.Message;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Finds every {@code error_code} in a response, at any depth (the response's own, each topic's,
 * each partition's), as Kafka's {@code AbstractResponse.errorCounts()} gathers them for
 * ErrorsPerSec. Works on any generated message: the accessors of each message class are looked up
 * once and kept. Thread-safe.
 */
final class ResponseErrors {

    /** Where a message class keeps its error code and its nested messages. */
    private record Shape(MethodHandle errorCode, List<MethodHandle> structs, List<MethodHandle> lists) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return shapeOf(type);
        }
    };

    private ResponseErrors() {
    }

    /** Calls {@code sink} with each error code in {@code message}, NONE included. */
    static void forEach(Message message, IntConsumer sink) {
        Shape shape = SHAPES.get(message.getClass());
        try {
            if (shape.errorCode() != null) {
                sink.accept((short) shape.errorCode().invoke(message));
            }
            for (MethodHandle struct : shape.structs()) {
                Object child = struct.invoke(message);
                if (child != null) {
                    forEach((Message) child, sink);
                }
            }
            for (MethodHandle list : shape.lists()) {
                List<?> children = (List<?>) list.invoke(message);
                if (children != null) {
                    for (int i = 0; i < children.size(); i++) {
                        forEach((Message) children.get(i), sink);
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("Cannot read the errors of a " + message.getClass().getSimpleName(), t);
        }
    }

    private static Shape shapeOf(Class<?> type) {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodHandle errorCode = null;
        List<MethodHandle> structs = new ArrayList<>();
        List<MethodHandle> lists = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0 || m.getDeclaringClass() != type) {
                continue;
            }
            try {
                if (m.getName().equals("errorCode") && m.getReturnType() == short.class) {
                    errorCode = lookup.unreflect(m);
                } else if (Message.class.isAssignableFrom(m.getReturnType())) {
                    structs.add(lookup.unreflect(m));
                } else if (m.getReturnType() == List.class && isListOfMessages(m.getGenericReturnType())) {
                    lists.add(lookup.unreflect(m));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + type.getName() + "." + m.getName(), e);
            }
        }
        return new Shape(errorCode, List.copyOf(structs), List.copyOf(lists));
    }

    private static boolean isListOfMessages(Type type) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> element && Message.class.isAssignableFrom(element);
    }
}
