package dev.bpkeeper.act.store;

/** The store could not do what was asked; callers decide whether to retry or to refuse the request. */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
