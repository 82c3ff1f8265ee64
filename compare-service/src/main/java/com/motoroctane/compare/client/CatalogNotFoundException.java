package com.motoroctane.compare.client;

/** catalog-service answered 404: the thing asked for does not exist or is not active. Not an origin failure. */
public class CatalogNotFoundException extends RuntimeException {

    public CatalogNotFoundException(String what) {
        super(what, null, false, false);
    }
}
