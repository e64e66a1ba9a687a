package org.opentokens.powerauth.token.adapter.http.internal;

/** A response as received: the status and either the whole body or the fact that it exceeded the cap. */
final class HttpAnswer {
    private final int status;
    private final byte[] body;

    private HttpAnswer(int status, byte[] body) {
        this.status = status;
        this.body = body;
    }

    static HttpAnswer of(int status, byte[] body) {
        return new HttpAnswer(status, body);
    }

    static HttpAnswer tooLarge(int status) {
        return new HttpAnswer(status, null);
    }

    int status() {
        return status;
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    boolean isTooLarge() {
        return body == null;
    }

    /** @return the body; only when not {@link #isTooLarge()} */
    byte[] body() {
        return body;
    }

    @Override
    public String toString() {
        return "HttpAnswer[status=" + status + (body == null ? ", too large" : ", " + body.length + " bytes") + "]";
    }
}
