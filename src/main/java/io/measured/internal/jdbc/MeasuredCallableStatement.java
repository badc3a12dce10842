package io.measured.internal.jdbc;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;

/** A callable statement that records its executions; see {@link MeasuredStatement}. */
@SuppressWarnings("deprecation")
final class MeasuredCallableStatement extends MeasuredPreparedStatement implements CallableStatement {

    private final CallableStatement callableVendor;

    MeasuredCallableStatement(CallableStatement vendor, Connection connection, JdbcRecorder recorder, String sql) {
        super(vendor, connection, recorder, sql);
        this.callableVendor = vendor;
    }

    @Override
    public Array getArray(int a) throws SQLException {
        return callableVendor.getArray(a);
    }

    @Override
    public Array getArray(String a) throws SQLException {
        return callableVendor.getArray(a);
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int a) throws SQLException {
        return callableVendor.getBigDecimal(a);
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int a, int b) throws SQLException {
        return callableVendor.getBigDecimal(a, b);
    }

    @Override
    public java.math.BigDecimal getBigDecimal(String a) throws SQLException {
        return callableVendor.getBigDecimal(a);
    }

    @Override
    public Blob getBlob(int a) throws SQLException {
        return callableVendor.getBlob(a);
    }

    @Override
    public Blob getBlob(String a) throws SQLException {
        return callableVendor.getBlob(a);
    }

    @Override
    public boolean getBoolean(int a) throws SQLException {
        return callableVendor.getBoolean(a);
    }

    @Override
    public boolean getBoolean(String a) throws SQLException {
        return callableVendor.getBoolean(a);
    }

    @Override
    public byte getByte(int a) throws SQLException {
        return callableVendor.getByte(a);
    }

    @Override
    public byte getByte(String a) throws SQLException {
        return callableVendor.getByte(a);
    }

    @Override
    public byte[] getBytes(int a) throws SQLException {
        return callableVendor.getBytes(a);
    }

    @Override
    public byte[] getBytes(String a) throws SQLException {
        return callableVendor.getBytes(a);
    }

    @Override
    public java.io.Reader getCharacterStream(int a) throws SQLException {
        return callableVendor.getCharacterStream(a);
    }

    @Override
    public java.io.Reader getCharacterStream(String a) throws SQLException {
        return callableVendor.getCharacterStream(a);
    }

    @Override
    public Clob getClob(int a) throws SQLException {
        return callableVendor.getClob(a);
    }

    @Override
    public Clob getClob(String a) throws SQLException {
        return callableVendor.getClob(a);
    }

    @Override
    public Date getDate(int a) throws SQLException {
        return callableVendor.getDate(a);
    }

    @Override
    public Date getDate(int a, java.util.Calendar b) throws SQLException {
        return callableVendor.getDate(a, b);
    }

    @Override
    public Date getDate(String a) throws SQLException {
        return callableVendor.getDate(a);
    }

    @Override
    public Date getDate(String a, java.util.Calendar b) throws SQLException {
        return callableVendor.getDate(a, b);
    }

    @Override
    public double getDouble(int a) throws SQLException {
        return callableVendor.getDouble(a);
    }

    @Override
    public double getDouble(String a) throws SQLException {
        return callableVendor.getDouble(a);
    }

    @Override
    public float getFloat(int a) throws SQLException {
        return callableVendor.getFloat(a);
    }

    @Override
    public float getFloat(String a) throws SQLException {
        return callableVendor.getFloat(a);
    }

    @Override
    public int getInt(int a) throws SQLException {
        return callableVendor.getInt(a);
    }

    @Override
    public int getInt(String a) throws SQLException {
        return callableVendor.getInt(a);
    }

    @Override
    public long getLong(int a) throws SQLException {
        return callableVendor.getLong(a);
    }

    @Override
    public long getLong(String a) throws SQLException {
        return callableVendor.getLong(a);
    }

    @Override
    public java.io.Reader getNCharacterStream(int a) throws SQLException {
        return callableVendor.getNCharacterStream(a);
    }

    @Override
    public java.io.Reader getNCharacterStream(String a) throws SQLException {
        return callableVendor.getNCharacterStream(a);
    }

    @Override
    public NClob getNClob(int a) throws SQLException {
        return callableVendor.getNClob(a);
    }

    @Override
    public NClob getNClob(String a) throws SQLException {
        return callableVendor.getNClob(a);
    }

    @Override
    public String getNString(int a) throws SQLException {
        return callableVendor.getNString(a);
    }

    @Override
    public String getNString(String a) throws SQLException {
        return callableVendor.getNString(a);
    }

    @Override
    public Object getObject(int a) throws SQLException {
        return callableVendor.getObject(a);
    }

    @Override
    public <T> T getObject(int a, Class<T> b) throws SQLException {
        return callableVendor.getObject(a, b);
    }

    @Override
    public Object getObject(int a, java.util.Map<String, Class<?>> b) throws SQLException {
        return callableVendor.getObject(a, b);
    }

    @Override
    public Object getObject(String a) throws SQLException {
        return callableVendor.getObject(a);
    }

    @Override
    public <T> T getObject(String a, Class<T> b) throws SQLException {
        return callableVendor.getObject(a, b);
    }

    @Override
    public Object getObject(String a, java.util.Map<String, Class<?>> b) throws SQLException {
        return callableVendor.getObject(a, b);
    }

    @Override
    public Ref getRef(int a) throws SQLException {
        return callableVendor.getRef(a);
    }

    @Override
    public Ref getRef(String a) throws SQLException {
        return callableVendor.getRef(a);
    }

    @Override
    public RowId getRowId(int a) throws SQLException {
        return callableVendor.getRowId(a);
    }

    @Override
    public RowId getRowId(String a) throws SQLException {
        return callableVendor.getRowId(a);
    }

    @Override
    public SQLXML getSQLXML(int a) throws SQLException {
        return callableVendor.getSQLXML(a);
    }

    @Override
    public SQLXML getSQLXML(String a) throws SQLException {
        return callableVendor.getSQLXML(a);
    }

    @Override
    public short getShort(int a) throws SQLException {
        return callableVendor.getShort(a);
    }

    @Override
    public short getShort(String a) throws SQLException {
        return callableVendor.getShort(a);
    }

    @Override
    public String getString(int a) throws SQLException {
        return callableVendor.getString(a);
    }

    @Override
    public String getString(String a) throws SQLException {
        return callableVendor.getString(a);
    }

    @Override
    public Time getTime(int a) throws SQLException {
        return callableVendor.getTime(a);
    }

    @Override
    public Time getTime(int a, java.util.Calendar b) throws SQLException {
        return callableVendor.getTime(a, b);
    }

    @Override
    public Time getTime(String a) throws SQLException {
        return callableVendor.getTime(a);
    }

    @Override
    public Time getTime(String a, java.util.Calendar b) throws SQLException {
        return callableVendor.getTime(a, b);
    }

    @Override
    public Timestamp getTimestamp(int a) throws SQLException {
        return callableVendor.getTimestamp(a);
    }

    @Override
    public Timestamp getTimestamp(int a, java.util.Calendar b) throws SQLException {
        return callableVendor.getTimestamp(a, b);
    }

    @Override
    public Timestamp getTimestamp(String a) throws SQLException {
        return callableVendor.getTimestamp(a);
    }

    @Override
    public Timestamp getTimestamp(String a, java.util.Calendar b) throws SQLException {
        return callableVendor.getTimestamp(a, b);
    }

    @Override
    public java.net.URL getURL(int a) throws SQLException {
        return callableVendor.getURL(a);
    }

    @Override
    public java.net.URL getURL(String a) throws SQLException {
        return callableVendor.getURL(a);
    }

    @Override
    public void registerOutParameter(int a, int b) throws SQLException {
        callableVendor.registerOutParameter(a, b);
    }

    @Override
    public void registerOutParameter(int a, int b, int c) throws SQLException {
        callableVendor.registerOutParameter(a, b, c);
    }

    @Override
    public void registerOutParameter(int a, int b, String c) throws SQLException {
        callableVendor.registerOutParameter(a, b, c);
    }

    @Override
    public void registerOutParameter(int a, SQLType b) throws SQLException {
        callableVendor.registerOutParameter(a, b);
    }

    @Override
    public void registerOutParameter(int a, SQLType b, int c) throws SQLException {
        callableVendor.registerOutParameter(a, b, c);
    }

    @Override
    public void registerOutParameter(int a, SQLType b, String c) throws SQLException {
        callableVendor.registerOutParameter(a, b, c);
    }

    @Override
    public void registerOutParameter(String a, int b) throws SQLException {
        callableVendor.registerOutParameter(a, b);
    }

    @Override
    public void registerOutParameter(String a, int b, int c) throws SQLException {
        callableVendor.registerOutParameter(a, b, c);
    }

    @Override
    public void registerOutParameter(String a, int b, String c) throws SQLException {
        callableVendor.registerOutParameter(a, b, c);
    }

    @Override
    public void registerOutParameter(String a, SQLType b) throws SQLException {
        callableVendor.registerOutParameter(a, b);
    }

    @Override
    public void registerOutParameter(String a, SQLType b, int c) throws SQLException {
        callableVendor.registerOutParameter(a, b, c);
    }

    @Override
    public void registerOutParameter(String a, SQLType b, String c) throws SQLException {
        callableVendor.registerOutParameter(a, b, c);
    }

    @Override
    public void setAsciiStream(String a, java.io.InputStream b) throws SQLException {
        callableVendor.setAsciiStream(a, b);
    }

    @Override
    public void setAsciiStream(String a, java.io.InputStream b, int c) throws SQLException {
        callableVendor.setAsciiStream(a, b, c);
    }

    @Override
    public void setAsciiStream(String a, java.io.InputStream b, long c) throws SQLException {
        callableVendor.setAsciiStream(a, b, c);
    }

    @Override
    public void setBigDecimal(String a, java.math.BigDecimal b) throws SQLException {
        callableVendor.setBigDecimal(a, b);
    }

    @Override
    public void setBinaryStream(String a, java.io.InputStream b) throws SQLException {
        callableVendor.setBinaryStream(a, b);
    }

    @Override
    public void setBinaryStream(String a, java.io.InputStream b, int c) throws SQLException {
        callableVendor.setBinaryStream(a, b, c);
    }

    @Override
    public void setBinaryStream(String a, java.io.InputStream b, long c) throws SQLException {
        callableVendor.setBinaryStream(a, b, c);
    }

    @Override
    public void setBlob(String a, java.io.InputStream b) throws SQLException {
        callableVendor.setBlob(a, b);
    }

    @Override
    public void setBlob(String a, java.io.InputStream b, long c) throws SQLException {
        callableVendor.setBlob(a, b, c);
    }

    @Override
    public void setBlob(String a, Blob b) throws SQLException {
        callableVendor.setBlob(a, b);
    }

    @Override
    public void setBoolean(String a, boolean b) throws SQLException {
        callableVendor.setBoolean(a, b);
    }

    @Override
    public void setByte(String a, byte b) throws SQLException {
        callableVendor.setByte(a, b);
    }

    @Override
    public void setBytes(String a, byte[] b) throws SQLException {
        callableVendor.setBytes(a, b);
    }

    @Override
    public void setCharacterStream(String a, java.io.Reader b) throws SQLException {
        callableVendor.setCharacterStream(a, b);
    }

    @Override
    public void setCharacterStream(String a, java.io.Reader b, int c) throws SQLException {
        callableVendor.setCharacterStream(a, b, c);
    }

    @Override
    public void setCharacterStream(String a, java.io.Reader b, long c) throws SQLException {
        callableVendor.setCharacterStream(a, b, c);
    }

    @Override
    public void setClob(String a, java.io.Reader b) throws SQLException {
        callableVendor.setClob(a, b);
    }

    @Override
    public void setClob(String a, java.io.Reader b, long c) throws SQLException {
        callableVendor.setClob(a, b, c);
    }

    @Override
    public void setClob(String a, Clob b) throws SQLException {
        callableVendor.setClob(a, b);
    }

    @Override
    public void setDate(String a, Date b) throws SQLException {
        callableVendor.setDate(a, b);
    }

    @Override
    public void setDate(String a, Date b, java.util.Calendar c) throws SQLException {
        callableVendor.setDate(a, b, c);
    }

    @Override
    public void setDouble(String a, double b) throws SQLException {
        callableVendor.setDouble(a, b);
    }

    @Override
    public void setFloat(String a, float b) throws SQLException {
        callableVendor.setFloat(a, b);
    }

    @Override
    public void setInt(String a, int b) throws SQLException {
        callableVendor.setInt(a, b);
    }

    @Override
    public void setLong(String a, long b) throws SQLException {
        callableVendor.setLong(a, b);
    }

    @Override
    public void setNCharacterStream(String a, java.io.Reader b) throws SQLException {
        callableVendor.setNCharacterStream(a, b);
    }

    @Override
    public void setNCharacterStream(String a, java.io.Reader b, long c) throws SQLException {
        callableVendor.setNCharacterStream(a, b, c);
    }

    @Override
    public void setNClob(String a, java.io.Reader b) throws SQLException {
        callableVendor.setNClob(a, b);
    }

    @Override
    public void setNClob(String a, java.io.Reader b, long c) throws SQLException {
        callableVendor.setNClob(a, b, c);
    }

    @Override
    public void setNClob(String a, NClob b) throws SQLException {
        callableVendor.setNClob(a, b);
    }

    @Override
    public void setNString(String a, String b) throws SQLException {
        callableVendor.setNString(a, b);
    }

    @Override
    public void setNull(String a, int b) throws SQLException {
        callableVendor.setNull(a, b);
    }

    @Override
    public void setNull(String a, int b, String c) throws SQLException {
        callableVendor.setNull(a, b, c);
    }

    @Override
    public void setObject(String a, Object b) throws SQLException {
        callableVendor.setObject(a, b);
    }

    @Override
    public void setObject(String a, Object b, int c) throws SQLException {
        callableVendor.setObject(a, b, c);
    }

    @Override
    public void setObject(String a, Object b, int c, int d) throws SQLException {
        callableVendor.setObject(a, b, c, d);
    }

    @Override
    public void setObject(String a, Object b, SQLType c) throws SQLException {
        callableVendor.setObject(a, b, c);
    }

    @Override
    public void setObject(String a, Object b, SQLType c, int d) throws SQLException {
        callableVendor.setObject(a, b, c, d);
    }

    @Override
    public void setRowId(String a, RowId b) throws SQLException {
        callableVendor.setRowId(a, b);
    }

    @Override
    public void setSQLXML(String a, SQLXML b) throws SQLException {
        callableVendor.setSQLXML(a, b);
    }

    @Override
    public void setShort(String a, short b) throws SQLException {
        callableVendor.setShort(a, b);
    }

    @Override
    public void setString(String a, String b) throws SQLException {
        callableVendor.setString(a, b);
    }

    @Override
    public void setTime(String a, Time b) throws SQLException {
        callableVendor.setTime(a, b);
    }

    @Override
    public void setTime(String a, Time b, java.util.Calendar c) throws SQLException {
        callableVendor.setTime(a, b, c);
    }

    @Override
    public void setTimestamp(String a, Timestamp b) throws SQLException {
        callableVendor.setTimestamp(a, b);
    }

    @Override
    public void setTimestamp(String a, Timestamp b, java.util.Calendar c) throws SQLException {
        callableVendor.setTimestamp(a, b, c);
    }

    @Override
    public void setURL(String a, java.net.URL b) throws SQLException {
        callableVendor.setURL(a, b);
    }

    @Override
    public boolean wasNull() throws SQLException {
        return callableVendor.wasNull();
    }
}
