package dev.bpkeeper.testing.fakegithub;

/** Who a request authenticates as, decided from its Authorization header before routing. */
record Caller(Kind kind, AppRegistry.Installation installation, AppRegistry.Token token, String rejection) {
    enum Kind {
        ANONYMOUS, APP, INSTALLATION, REJECTED
    }

    static Caller anonymous() {
        return new Caller(Kind.ANONYMOUS, null, null, null);
    }

    static Caller app() {
        return new Caller(Kind.APP, null, null, null);
    }

    static Caller installation(AppRegistry.Token token, AppRegistry.Installation installation) {
        return new Caller(Kind.INSTALLATION, installation, token, null);
    }

    static Caller rejected(String message) {
        return new Caller(Kind.REJECTED, null, null, message);
    }

    Long installationId() {
        return kind == Kind.INSTALLATION ? installation.id() : null;
    }
}
