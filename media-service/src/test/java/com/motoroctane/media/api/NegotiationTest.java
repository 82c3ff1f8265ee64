package com.motoroctane.media.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.motoroctane.media.image.ImageType;

class NegotiationTest {

    @Test
    void avifThenWebpThenJpeg() {
        assertEquals(ImageType.AVIF, DeliveryResource.negotiate("image/avif,image/webp,image/apng,image/*,*/*;q=0.8"));
        assertEquals(ImageType.WEBP, DeliveryResource.negotiate("image/webp,*/*"));
        assertEquals(ImageType.JPEG, DeliveryResource.negotiate("image/*,*/*;q=0.8"));
        assertEquals(ImageType.JPEG, DeliveryResource.negotiate(null));
    }

    @Test
    void aFormatWithQZeroIsRefused() {
        assertEquals(ImageType.WEBP, DeliveryResource.negotiate("image/avif;q=0, image/webp"));
        assertEquals(ImageType.JPEG, DeliveryResource.negotiate("image/avif;q=0,image/webp;q=0.0"));
    }
}
