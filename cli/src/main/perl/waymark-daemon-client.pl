# What the launchers run before they start Java for a `waymark validate` line, when Perl is there:
# a JVM's start is most of a run whose answer is already known. Perl's is about 0.02 s.
#
#   perl waymark-daemon-client.pl JAVA CLASS_PATH validate ARG...
#
# JAVA and CLASS_PATH are what the launcher would run (the java executable, the class path as
# java.class.path would read). Two ways to answer:
#
#  1. Without WAYMARK_DAEMON=1, the answer kept in the cache folder (answer.bin, written by Java: AnswerCheck.java) when
#     every input is as it was: the same situation (DaemonSocket.identity: folder, Java, class path
#     with each entry's time and size, environment), the same command line, terminal and day, and
#     each path the inputs were read from (the roadmap folder's folders and files, the Git files,
#     the Java runtime, the class path) with the same lstat (kind, device, inode, size, modification
#     and inode change time). Java writes it only when every path last changed two seconds or more
#     before its run began, so a change made since always shows in whole seconds.
#  2. With WAYMARK_DAEMON=1, the resident validate server: what DaemonClient.java does, in its
#     protocol (see there): the situation names the socket and is sent whole; the server answers
#     only its own.
#
# Linux only, as the server (its socket folder's owner is checked against /proc/self), and Perl's
# built-in functions only: its modules (Socket, Cwd, Time::HiRes) would double Perl's start.
#
# Exit 75 when nothing was done (not Linux, no answer kept for this line and these inputs, no safe
# socket folder, no server, a refusal, any failure before the server took the request): the
# launcher then runs the JVM, which answers as ever. Once the server took the request, its answer
# is the run's: the output as it comes, then its exit code; a connection that ends before the exit
# code is exit 2, never a pass.
use strict;
use warnings;
no warnings 'portable';    # 64-bit constants: Perl of a 64-bit build, as Java's long

use constant NOT_ANSWERED => 75;
use constant MAGIC => 0x574d4b31;    # "WMK1"
use constant MAX_REQUEST => 1 << 20;
use constant MAX_PATH => 100;        # as DaemonSocket.MAX_PATH
# Linux's AF_UNIX and SOCK_STREAM.
use constant AF_UNIX => 1;
use constant SOCK_STREAM => 1;
# Linux's errno of a write to a pipe whose reader closed it (`| head`): the run ends without a
# word then, as Java's does (Main.CheckedOutput.closedPipe), still with exit 2.
use constant EPIPE => 32;

my ($java, $class_path, @args) = @ARGV;
# 64-bit integers, as the name's arithmetic needs (a 32-bit Perl finds no socket: the JVM asks).
exit NOT_ANSWERED unless $^O eq 'linux' && length(pack 'j', 0) == 8;
exit NOT_ANSWERED unless defined $class_path && @args && $args[0] eq 'validate';

my $identity = eval { identity($java, $class_path) };
exit NOT_ANSWERED unless defined $identity;
$SIG{PIPE} = 'IGNORE';
my $daemon = ($ENV{WAYMARK_DAEMON} // '') eq '1';
# With the server, the server: it answers a line with nothing changed faster than the check of a
# kept answer, which the server never writes (a kept answer would only be checked in vain).
my $kept = $daemon ? undef : eval { kept_answer($identity, @args) };
if ($kept) {
  my ($code, $output) = @$kept;
  if (!write_all(\*STDOUT, $output)) {
    write_all(\*STDERR,
      "waymark: cannot write standard output: " . lcfirst("$!") . "; the result is lost\n")
      unless $! + 0 == EPIPE;
    exit 2;
  }
  exit($code & 0xff);
}
exit NOT_ANSWERED unless $daemon;

my $socket;
eval {
  my $folder = folder() // return;
  my $path = "$folder/" . name($identity) . ".sock";
  return if length($path) > MAX_PATH || !-S $path;
  socket($socket, AF_UNIX, SOCK_STREAM, 0) or return;
  # struct sockaddr_un: the family, then the path, ended by a NUL.
  connect($socket, pack('S', AF_UNIX) . $path . "\0") or undef $socket;
  1;
} or undef $socket;
exit NOT_ANSWERED unless $socket;

# The answer Java kept for this line (AnswerCheck.java), when every input is as it was: [exit code,
# output]; undef otherwise. The folder and the cache folder are found as QuickValidate reads the
# line; the cache folders and the file are never links, and the file names its own device and inode
# (a file planted in the folder names others).
sub kept_answer {
  my ($identity, @args) = @_;
  my %valued = map { $_ => 1 } qw(--format --fail-on --paths --output --cache-dir --timeout --rev);
  my ($dir, $cache);
  for (my $i = 1; $i < @args; $i++) {
    my $arg = $args[$i];
    if ($arg !~ /^-/) {
      return undef if defined $dir;
      $dir = $arg;
      next;
    }
    my ($name, $value) = $arg =~ /^([^=]*)(?:=(.*))?$/s;
    # Lines Java never keeps an answer for: a revision, no cache, a file written, debug output.
    return undef if $name =~ /^--(?:rev|staged|no-cache|output|debug)$/;
    next unless $valued{$name};
    $value = $args[++$i] unless defined $value;
    return undef unless defined $value;
    $cache = $value if $name eq '--cache-dir';
  }
  $dir = '.' unless defined $dir;
  my @folders = defined $cache ? ($cache) : ("$dir/.waymark", "$dir/.waymark/cache");
  for my $folder (@folders) {
    lstat $folder or return undef;
    return undef unless -d _ && !-l _;
  }
  my $file = $folders[-1] . '/answer.bin';
  my @s = lstat $file or return undef;
  return undef unless -f _ && $s[7] <= (1 << 28);
  open(my $in, '<:raw', $file) or return undef;
  my $data = '';
  while (1) {
    my $n = sysread($in, $data, 1 << 20, length $data);
    return undef unless defined $n;
    last unless $n;
  }
  close $in;
  return undef if length($data) < 8 || length($data) % 4;
  my $at = 0;
  my $end = length($data) - 4;
  my $u32 = sub {
    die "short\n" if $at + 4 > $end;
    $at += 4;
    return unpack 'N', substr($data, $at - 4, 4);
  };
  my $string = sub {
    my $n = $u32->();
    die "short\n" if $at + $n > $end;
    $at += $n;
    return substr($data, $at - $n, $n);
  };
  my $magic = "WAYMARK-ANSWER\n";
  return undef unless substr($data, 0, length $magic) eq $magic;
  $at = length $magic;
  return undef unless $u32->() == 1;
  return undef unless $string->() eq sprintf('(dev=%x,ino=%d)', $s[0], $s[1]);
  $string->();    # the key: Java's own
  return undef unless $string->() eq $identity;
  return undef unless $string->() eq ((-t STDIN && -t STDOUT) ? '1' : '0');
  return undef unless $u32->() == @args;
  for my $arg (@args) {
    return undef unless $string->() eq $arg;
  }
  my $day = $string->();
  if ($day ne '') {
    my @t = gmtime;
    return undef unless $day eq sprintf('%04d-%02d-%02d', $t[5] + 1900, $t[4] + 1, $t[3]);
  }
  my $root = real($dir) // return undef;
  return undef unless $string->() eq $root;
  # The line is this one: now the whole file must be Java's as written.
  return undef unless unpack('%32N*', substr($data, 0, $end)) == unpack('N', substr($data, $end));
  my $code = $u32->();
  my $output = $string->();
  for (my $n = $u32->(); $n > 0; $n--) {
    my $length = unpack 'N', substr($data, $at, 4);
    my $path = substr($data, $at + 4, $length);
    $at += 4 + $length;
    $length = unpack 'N', substr($data, $at, 4);
    my $stamp = substr($data, $at + 4, $length);
    $at += 4 + $length;
    die "short\n" if $at > $end;
    my @p = lstat $path;
    if (!@p) {
      return undef unless $stamp eq '-' && $! + 0 == 2;    # ENOENT: absent, as it was
      next;
    }
    my $type = $p[2] & 0170000;
    my $kind = $type == 0100000 ? 'f' : $type == 0040000 ? 'd' : $type == 0120000 ? 'l' : 'o';
    return undef unless $stamp eq "$kind $p[0] $p[1] $p[7] $p[9] $p[10]";
  }
  return undef unless $end - $at < 4 && substr($data, $at, $end - $at) =~ /^\0*$/;
  return [$code, $output];
}

# DaemonSocket.identity: the working folder, the Java, the class path and each entry's modification
# time (seconds) and size, then every environment variable by name but those shells change and
# those that only choose who answers (DaemonSocket.IGNORED).
sub identity {
  my ($java, $class_path) = @_;
  my $home = real($java) // return undef;
  $home =~ s{/bin/java$}{} or return undef;
  my $cwd = readlink('/proc/self/cwd') // return undef;
  my $text = "cwd $cwd\0java $home\0cp $class_path\0";
  for my $entry (split /:/, $class_path) {
    next if $entry eq '';
    my @s = stat $entry;
    $text .= @s ? "$s[9] $s[7];" : '-;';
  }
  $text .= "\0";
  for my $name (sort keys %ENV) {
    next if $name =~ /^(?:_|SHLVL|OLDPWD|WAYMARK_DAEMON|WAYMARK_DAEMON_CLIENT|WAYMARK_PERL)$/;
    $text .= "$name=$ENV{$name}\0";
  }
  return $text;
}

# The path with every link resolved, as the JVM finds its java.home: absolute, one part at a time.
sub real {
  my ($path) = @_;
  $path = readlink('/proc/self/cwd') . "/$path" unless $path =~ m{^/};
  my @todo = grep { $_ ne '' && $_ ne '.' } split m{/}, $path;
  my @done;
  my $links = 0;
  while (@todo) {
    my $part = shift @todo;
    if ($part eq '..') {
      pop @done;
      next;
    }
    my $to = readlink('/' . join('/', @done, $part));
    if (defined $to) {
      return undef if ++$links > 40;
      @done = () if $to =~ m{^/};
      unshift @todo, grep { $_ ne '' && $_ ne '.' } split m{/}, $to;
      next;
    }
    push @done, $part;
  }
  return '/' . join('/', @done);
}

# DaemonSocket.folder: $XDG_RUNTIME_DIR/waymark, else ${TMPDIR:-/tmp}/waymark-UID; only a real
# folder (not a link) of this user with mode 0700. Not made here: a missing one has no server.
sub folder {
  my $runtime = $ENV{XDG_RUNTIME_DIR} // '';
  my $folder;
  if ($runtime =~ m{^/}) {
    $folder = "$runtime/waymark";
  } else {
    my $tmp = $ENV{TMPDIR} // '';
    $folder = ($tmp ne '' ? $tmp : '/tmp') . "/waymark-$<";
  }
  my @s = lstat $folder or return undef;
  return undef unless -d _ && !-l _ && $s[4] == $< && ($s[2] & 07777) == 0700;
  return $folder;
}

# DaemonSocket.name: "v2-" and 128 bits of the identity's UTF-8 bytes, in hex.
sub name {
  my ($text) = @_;
  utf8::encode($text) if utf8::is_utf8($text);
  my ($a, $b);
  {
    use integer;
    $a = 0xcbf29ce484222325;
    $b = 0x84222325cbf29ce4;
  }
  for my $c (unpack 'C*', $text) {
    my $x = $b ^ $c;
    $x = ($x << 27) | ($x >> 37);    # unsigned: no "use integer" here
    use integer;
    $a = ($a ^ $c) * 0x100000001b3;
    $b = $x * 0x9e3779b97f4a7c15 + 0x632be59bd9b4e019;
  }
  return sprintf 'v2-%016x%016x', $a, $b ^ ($b >> 31);
}

# The request: MAGIC, 'V', the strings (the identity, "1" when the console is a terminal, the
# arguments), each as its length and UTF-8 bytes.
my @strings = ($identity, (-t STDIN && -t STDOUT) ? '1' : '0', @args);
my $request = pack('N a N', MAGIC, 'V', scalar @strings);
$request .= pack('N/a*', $_) for @strings;
exit NOT_ANSWERED if length($request) > MAX_REQUEST;
$SIG{PIPE} = 'IGNORE';
for (my $at = 0; $at < length $request;) {
  my $n = syswrite($socket, $request, length($request) - $at, $at);
  exit NOT_ANSWERED unless $n;
  $at += $n;
}

my $buffer = '';
my $accepted = 0;
my $stdout_failure;
my $stdout_closed = 0;

# The next $n bytes of the answer; undef when the connection ended first.
sub take {
  my ($n) = @_;
  while (length($buffer) < $n) {
    my $read = sysread($socket, $buffer, 1 << 16, length $buffer);
    return undef unless $read;
  }
  return substr($buffer, 0, $n, '');
}

sub write_all {
  my ($fd, $bytes) = @_;
  for (my $at = 0; $at < length $bytes;) {
    my $n = syswrite($fd, $bytes, length($bytes) - $at, $at);
    return 0 unless defined $n;
    $at += $n;
  }
  return 1;
}

sub lost {
  my ($why) = @_;
  exit NOT_ANSWERED unless $accepted;    # nothing was done: the JVM runs it
  write_all(\*STDERR,
    "waymark: the resident validate server (WAYMARK_DAEMON) stopped before it answered ($why);"
      . " no result. Run again, or without WAYMARK_DAEMON=1.\n");
  exit 2;
}

while (1) {
  my $type = take(1) // lost('end of stream');
  if ($type eq 'A') {
    $accepted = 1;
  } elsif ($type eq 'O' || $type eq 'E' || $type eq 'I') {
    my $length = take(4) // lost('end of stream');
    my $bytes = take(unpack 'N', $length) // lost('end of stream');
    if ($type eq 'O') {
      if (!defined $stdout_failure && !write_all(\*STDOUT, $bytes)) {
        $stdout_failure = "$!";
        $stdout_closed = $! + 0 == EPIPE;
      }
    } elsif ($type eq 'E') {
      write_all(\*STDERR, $bytes);
    }
  } elsif ($type eq 'X') {
    my $code = take(4) // lost('end of stream');
    $code = unpack 'l>', $code;
    if (defined $stdout_failure) {
      write_all(\*STDERR,
        "waymark: cannot write standard output: " . lcfirst($stdout_failure)
          . "; the result is lost\n")
        unless $stdout_closed;
      exit 2;
    }
    exit($code & 0xff);
  } elsif ($type eq 'R') {
    exit NOT_ANSWERED;    # another situation, or a line for a local run
  } else {
    lost('unknown frame');
  }
}
