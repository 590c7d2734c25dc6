package io.glaux.connectors.federation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** A function in front of another that may answer a request itself or change the answer; it keeps the requests. */
final class RewritingFunction implements FederationFunction {

    /** Answers a request of a type: by calling {@code delegate}, changing what it says, or not calling it at all. */
    @FunctionalInterface
    interface Rewrite {
        byte[] answer(String requestType, Supplier<byte[]> delegate);
    }

    private final FederationFunction delegate;
    private final Rewrite rewrite;
    final List<byte[]> requests = new CopyOnWriteArrayList<>();

    RewritingFunction(FederationFunction delegate, Rewrite rewrite) {
        this.delegate = delegate;
        this.rewrite = rewrite;
    }

    @Override
    public String arn() {
        return delegate.arn();
    }

    @Override
    public byte[] invoke(byte[] request) {
        requests.add(request);
        return rewrite.answer(SdkFunction.type(request), () -> delegate.invoke(request));
    }
}
