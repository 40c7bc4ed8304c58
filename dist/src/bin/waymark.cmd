@echo off
rem Waymark launcher of the release bundle (Windows): runs lib\waymark.jar on any Java 17 or
rem newer; no Maven, no build. Put this folder on PATH. Java: %JAVA_HOME%\bin\java.exe when
rem JAVA_HOME is set, else java on PATH. WAYMARK_JAVA_OPTS adds JVM options.
rem Every path is in double quotes and outside any block in parentheses: a folder such as
rem "C:\Program Files (x86)" would close the block early, and one with "&" would start a command.
setlocal
set "WAYMARK_HOME=%~dp0.."
set "WAYMARK_JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "WAYMARK_JAVA=%JAVA_HOME%\bin\java.exe"
if not exist "%WAYMARK_HOME%\lib\waymark.jar" goto missing
"%WAYMARK_JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn32m -Xss8m %WAYMARK_JAVA_OPTS% -jar "%WAYMARK_HOME%\lib\waymark.jar" %*
exit /b %ERRORLEVEL%

:missing
echo waymark: "%WAYMARK_HOME%\lib\waymark.jar" is missing; unpack the whole release bundle again 1>&2
exit /b 2
