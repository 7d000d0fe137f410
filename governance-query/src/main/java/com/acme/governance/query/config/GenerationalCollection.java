package com.acme.governance.query.config;

import com.mongodb.client.MongoCollection;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * A {@link MongoCollection} that finds its real collection anew for every operation, so that a feature holding one
 * since start-up reads and writes whichever generation is current for the calling thread at that moment (see
 * {@link ReadModelGenerations}). What its {@code with...} methods return resolves the same way. A JDK proxy, because
 * the driver's interface has a hundred methods that all delegate alike.
 */
final class GenerationalCollection implements InvocationHandler {

    private final Supplier<MongoCollection<?>> resolve;

    private GenerationalCollection(Supplier<MongoCollection<?>> resolve) {
        this.resolve = resolve;
    }

    @SuppressWarnings("unchecked")
    static <T> MongoCollection<T> resolving(Supplier<MongoCollection<?>> resolve) {
        return (MongoCollection<T>) Proxy.newProxyInstance(MongoCollection.class.getClassLoader(),
                new Class<?>[]{MongoCollection.class}, new GenerationalCollection(resolve));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "GenerationalCollection[" + resolve.get().getNamespace() + "]";
            };
        }
        if (method.getReturnType() == MongoCollection.class) {
            return resolving(() -> (MongoCollection<?>) call(method, resolve.get(), args));
        }
        return call(method, resolve.get(), args);
    }

    private static Object call(Method method, Object target, Object[] args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
