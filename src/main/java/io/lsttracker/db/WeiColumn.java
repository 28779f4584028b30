package io.lsttracker.db;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A wei amount (up to a uint256) of a row, in a NUMERIC(78,0) column, mapped exactly both ways. Without it Micronaut
 * Data converts a BigInteger through a double and keeps only its first 17 digits (the store contract tests' uint256
 * round trip shows it).
 */
@TypeDef(type = DataType.BIGDECIMAL, converter = WeiColumn.Converter.class)
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface WeiColumn {

    /** BigInteger wei to the column's BigDecimal and back, digit for digit. */
    @Singleton
    final class Converter implements AttributeConverter<BigInteger, BigDecimal> {
        @Override
        public BigDecimal convertToPersistedValue(BigInteger wei, ConversionContext context) {
            return wei == null ? null : new BigDecimal(wei);
        }

        @Override
        public BigInteger convertToEntityValue(BigDecimal column, ConversionContext context) {
            return column == null ? null : column.toBigIntegerExact();
        }
    }
}
