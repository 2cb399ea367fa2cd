// PosixEnv: the real Env, on Linux.
#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "common/env.h"

namespace lakehouse {
namespace {

namespace fs = std::filesystem;

struct UserIds {
  uid_t uid;
  gid_t gid;
};

Result<UserIds> LookupUser(const std::string& user) {
  struct passwd* pw = getpwnam(user.c_str());
  if (pw == nullptr) return Status::NotFound("no such OS user '" + user + "'");
  return UserIds{pw->pw_uid, pw->pw_gid};
}

// Builds a NULL-terminated envp: the parent's environment, minus `unset`, plus `extra`.
std::vector<std::string> BuildEnvironment(const std::map<std::string, std::string>& extra,
                                          const std::vector<std::string>& unset) {
  std::map<std::string, std::string> merged;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string_view kv(*e);
    auto eq = kv.find('=');
    if (eq == std::string_view::npos) continue;
    merged[std::string(kv.substr(0, eq))] = std::string(kv.substr(eq + 1));
  }
  for (const auto& name : unset) merged.erase(name);
  for (const auto& [k, v] : extra) merged[k] = v;
  std::vector<std::string> out;
  out.reserve(merged.size());
  for (const auto& [k, v] : merged) out.push_back(k + "=" + v);
  return out;
}

std::vector<char*> CStrings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Runs in the forked child: become `user` (if any), chdir, then exec. Never returns.
[[noreturn]] void ExecChild(std::vector<std::string> argv, std::vector<std::string> envp,
                            const std::string& working_dir, const std::optional<UserIds>& ids,
                            int error_fd) {
  auto fail = [&](int err) {
    (void)!write(error_fd, &err, sizeof(err));
    _exit(127);
  };
  if (ids) {
    if (setgroups(0, nullptr) != 0 || setgid(ids->gid) != 0 || setuid(ids->uid) != 0) fail(errno);
  }
  if (!working_dir.empty() && chdir(working_dir.c_str()) != 0) fail(errno);
  signal(SIGPIPE, SIG_DFL);
  auto cargv = CStrings(argv);
  auto cenv = CStrings(envp);
  execvpe(cargv[0], cargv.data(), cenv.data());
  fail(errno);
  _exit(127);
}

bool ReadExact(int fd, void* buf, size_t n) {
  auto* p = static_cast<char*>(buf);
  while (n > 0) {
    ssize_t r = read(fd, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    p += r;
    n -= static_cast<size_t>(r);
  }
  return true;
}

class PosixEnv final : public Env {
 public:
  Result<std::string> ReadFile(const std::string& path) override {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::FromErrno("cannot read " + path, errno);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  Status WriteFileAtomic(const std::string& path, std::string_view data, int mode) override {
    std::string tmp = path + ".tmp." + std::to_string(getpid());
    int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) return Status::FromErrno("cannot create " + tmp, errno);
    fchmod(fd, static_cast<mode_t>(mode));  // umask must not widen or narrow the mode
    const char* p = data.data();
    size_t left = data.size();
    while (left > 0) {
      ssize_t w = write(fd, p, left);
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) {
        int err = errno;
        close(fd);
        unlink(tmp.c_str());
        return Status::FromErrno("cannot write " + tmp, err);
      }
      p += w;
      left -= static_cast<size_t>(w);
    }
    if (fsync(fd) != 0) {
      int err = errno;
      close(fd);
      unlink(tmp.c_str());
      return Status::FromErrno("cannot fsync " + tmp, err);
    }
    close(fd);
    if (rename(tmp.c_str(), path.c_str()) != 0) {
      int err = errno;
      unlink(tmp.c_str());
      return Status::FromErrno("cannot rename " + tmp + " to " + path, err);
    }
    return Status::OK();
  }

  bool FileExists(const std::string& path) override {
    struct stat st;
    return stat(path.c_str(), &st) == 0;
  }

  Status CreateDirs(const std::string& path) override {
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) return Status::IOError("cannot create directory " + path + ": " + ec.message());
    return Status::OK();
  }

  Status RemoveAll(const std::string& path) override {
    std::error_code ec;
    fs::remove_all(path, ec);
    if (ec) return Status::IOError("cannot remove " + path + ": " + ec.message());
    return Status::OK();
  }

  Result<std::vector<std::string>> ListDir(const std::string& path) override {
    std::error_code ec;
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      names.push_back(entry.path().filename().string());
    }
    if (ec) return Status::IOError("cannot list " + path + ": " + ec.message());
    return names;
  }

  Status Chown(const std::string& path, const std::string& user, bool recursive) override {
    LH_ASSIGN_OR_RETURN(UserIds ids, LookupUser(user));
    auto one = [&](const fs::path& p) -> Status {
      if (lchown(p.c_str(), ids.uid, ids.gid) != 0) return Status::FromErrno("cannot chown " + p.string(), errno);
      return Status::OK();
    };
    LH_RETURN_IF_ERROR(one(path));
    if (!recursive) return Status::OK();
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(path, ec)) {
      LH_RETURN_IF_ERROR(one(entry.path()));
    }
    if (ec) return Status::IOError("cannot walk " + path + ": " + ec.message());
    return Status::OK();
  }

  Result<std::string> RandomBytes(size_t n) override {
    std::string bytes(n, '\0');
    size_t got = 0;
    while (got < n) {
      ssize_t r = getrandom(bytes.data() + got, n - got, 0);
      if (r < 0 && errno == EINTR) continue;
      if (r < 0) return Status::FromErrno("getrandom", errno);
      got += static_cast<size_t>(r);
    }
    return bytes;
  }

  int64_t NowMicros() override {
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
  }

  void SleepForMicros(int64_t micros) override {
    std::this_thread::sleep_for(std::chrono::microseconds(micros));
  }

  // Double fork: the service is re-parented to init at once, so it never
  // becomes our zombie and outlives the CLI. A CLOEXEC pipe carries the
  // grandchild's pid, then (only if exec failed) its errno.
  Result<ProcessId> Spawn(const SpawnOptions& options) override {
    if (options.argv.empty()) return Status::InvalidArgument("Spawn: empty argv");
    if (options.log_path.empty()) return Status::InvalidArgument("Spawn: log_path is required");
    std::optional<UserIds> ids;
    if (options.run_as_user) {
      LH_ASSIGN_OR_RETURN(ids, LookupUser(*options.run_as_user));
    }
    int log_fd = open(options.log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (log_fd < 0) return Status::FromErrno("cannot open log " + options.log_path, errno);
    if (ids) (void)!fchown(log_fd, ids->uid, ids->gid);
    int pipefd[2];
    if (pipe2(pipefd, O_CLOEXEC) != 0) {
      close(log_fd);
      return Status::FromErrno("pipe", errno);
    }
    auto envp = BuildEnvironment(options.env, options.unset_env);
    pid_t middle = fork();
    if (middle < 0) {
      close(log_fd);
      close(pipefd[0]);
      close(pipefd[1]);
      return Status::FromErrno("fork", errno);
    }
    if (middle == 0) {
      close(pipefd[0]);
      setsid();
      pid_t grandchild = fork();
      if (grandchild < 0) _exit(1);
      if (grandchild > 0) {
        int32_t pid32 = grandchild;
        (void)!write(pipefd[1], &pid32, sizeof(pid32));
        _exit(0);
      }
      int devnull = open("/dev/null", O_RDONLY);
      dup2(devnull, STDIN_FILENO);
      dup2(log_fd, STDOUT_FILENO);
      dup2(log_fd, STDERR_FILENO);
      ExecChild(options.argv, envp, options.working_dir, ids, pipefd[1]);
    }
    close(pipefd[1]);
    close(log_fd);
    int wstatus = 0;
    waitpid(middle, &wstatus, 0);
    int32_t pid32 = 0;
    if (!ReadExact(pipefd[0], &pid32, sizeof(pid32))) {
      close(pipefd[0]);
      return Status::Internal("could not start " + options.argv[0] + " (fork failed)");
    }
    int exec_errno = 0;
    bool exec_failed = ReadExact(pipefd[0], &exec_errno, sizeof(exec_errno));
    close(pipefd[0]);
    if (exec_failed) {
      return Status::FromErrno("cannot execute " + options.argv[0], exec_errno);
    }
    ProcessId id{pid32, 0};
    auto ticks = StartTicks(pid32);
    if (ticks.ok()) id.start_ticks = *ticks;
    return id;
  }

  Result<CommandResult> Run(const CommandOptions& options) override {
    if (options.argv.empty()) return Status::InvalidArgument("Run: empty argv");
    std::optional<UserIds> ids;
    if (options.run_as_user) {
      LH_ASSIGN_OR_RETURN(ids, LookupUser(*options.run_as_user));
    }
    int out_pipe[2], in_pipe[2], err_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(in_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
      return Status::FromErrno("pipe", errno);
    }
    int log_fd = -1;
    if (!options.log_path.empty()) {
      log_fd = open(options.log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
      if (log_fd < 0) return Status::FromErrno("cannot open log " + options.log_path, errno);
    }
    auto envp = BuildEnvironment(options.env, {});
    pid_t pid = fork();
    if (pid < 0) return Status::FromErrno("fork", errno);
    if (pid == 0) {
      setpgid(0, 0);
      dup2(in_pipe[0], STDIN_FILENO);
      int out = log_fd >= 0 ? log_fd : out_pipe[1];
      dup2(out, STDOUT_FILENO);
      dup2(out, STDERR_FILENO);
      ExecChild(options.argv, envp, options.working_dir, ids, err_pipe[1]);
    }
    close(in_pipe[0]);
    close(out_pipe[1]);
    close(err_pipe[1]);
    if (log_fd >= 0) close(log_fd);
    // Feed stdin from a thread so a child that writes much before reading cannot deadlock us.
    std::thread feeder([fd = in_pipe[1], data = options.stdin_data] {
      size_t off = 0;
      while (off < data.size()) {
        ssize_t w = write(fd, data.data() + off, data.size() - off);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) break;
        off += static_cast<size_t>(w);
      }
      close(fd);
    });
    CommandResult result;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options.timeout_ms);
    char buf[65536];
    for (;;) {
      int wait_ms = -1;
      if (options.timeout_ms > 0) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
          result.timed_out = true;
          kill(-pid, SIGKILL);
          break;
        }
        wait_ms = static_cast<int>(left.count());
      }
      struct pollfd pfd{out_pipe[0], POLLIN, 0};
      int pr = poll(&pfd, 1, wait_ms);
      if (pr < 0 && errno == EINTR) continue;
      if (pr == 0) continue;
      ssize_t r = read(out_pipe[0], buf, sizeof(buf));
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) break;
      result.output.append(buf, static_cast<size_t>(r));
    }
    close(out_pipe[0]);
    int wstatus = 0;
    while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
    }
    feeder.join();
    int exec_errno = 0;
    bool exec_failed = ReadExact(err_pipe[0], &exec_errno, sizeof(exec_errno));
    close(err_pipe[0]);
    if (exec_failed) return Status::FromErrno("cannot execute " + options.argv[0], exec_errno);
    if (!result.timed_out && WIFEXITED(wstatus)) result.exit_code = WEXITSTATUS(wstatus);
    return result;
  }

  bool IsAlive(const ProcessId& id) override {
    if (id.pid <= 0) return false;
    auto stat = ReadFile("/proc/" + std::to_string(id.pid) + "/stat");
    if (!stat.ok()) return false;
    auto close_paren = stat->rfind(')');
    if (close_paren == std::string::npos || close_paren + 2 >= stat->size()) return false;
    char state = (*stat)[close_paren + 2];
    if (state == 'Z' || state == 'X') return false;
    auto ticks = StartTicks(id.pid);
    return ticks.ok() && (id.start_ticks == 0 || *ticks == id.start_ticks);
  }

  Result<uint64_t> StartTicks(int pid) override {
    LH_ASSIGN_OR_RETURN(std::string stat, ReadFile("/proc/" + std::to_string(pid) + "/stat"));
    // Field 2 (comm) may hold spaces; fields after the last ')' are space separated.
    auto close_paren = stat.rfind(')');
    if (close_paren == std::string::npos) return Status::Corruption("bad /proc stat for pid " + std::to_string(pid));
    std::istringstream rest(stat.substr(close_paren + 2));
    std::string field;
    // After ')' come fields 3..; starttime is field 22, i.e. the 20th here.
    for (int i = 3; i <= 22; ++i) {
      if (!(rest >> field)) return Status::Corruption("short /proc stat for pid " + std::to_string(pid));
    }
    return std::stoull(field);
  }

  Status Signal(const ProcessId& id, int sig, bool whole_group) override {
    if (!IsAlive(id)) return Status::NotFound("process " + std::to_string(id.pid) + " is not running");
    if (whole_group && kill(-id.pid, sig) == 0) return Status::OK();
    if (kill(id.pid, sig) == 0) return Status::OK();
    return Status::FromErrno("kill " + std::to_string(id.pid), errno);
  }

  bool GroupAlive(int pgid) override { return pgid > 0 && kill(-pgid, 0) == 0; }

  Status SignalGroup(int pgid, int sig) override {
    if (pgid <= 0) return Status::InvalidArgument("bad process group " + std::to_string(pgid));
    if (kill(-pgid, sig) != 0) return Status::FromErrno("kill group " + std::to_string(pgid), errno);
    return Status::OK();
  }

  uint64_t ResidentBytes(const ProcessId& id) override {
    if (!IsAlive(id)) return 0;
    // Children by parent pid, to walk the process tree below id.pid.
    std::multimap<int, int> children;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/proc", ec)) {
      const std::string name = entry.path().filename().string();
      if (name.empty() || !isdigit(static_cast<unsigned char>(name[0]))) continue;
      auto stat = ReadFile("/proc/" + name + "/stat");
      if (!stat.ok()) continue;
      auto close_paren = stat->rfind(')');
      if (close_paren == std::string::npos) continue;
      std::istringstream rest(stat->substr(close_paren + 2));
      std::string state;
      int ppid = 0;
      rest >> state >> ppid;
      children.emplace(ppid, std::stoi(name));
    }
    uint64_t total = 0;
    std::vector<int> todo{id.pid};
    while (!todo.empty()) {
      int pid = todo.back();
      todo.pop_back();
      total += ProportionalSetBytes(pid);
      auto [lo, hi] = children.equal_range(pid);
      for (auto it = lo; it != hi; ++it) todo.push_back(it->second);
    }
    return total;
  }

  Status ProbeTcp(const std::string& host, int port, int timeout_ms) override {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return Status::FromErrno("socket", errno);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    if (inet_pton(AF_INET, host.c_str(), &addr.sin_addr) != 1) {
      close(fd);
      return Status::InvalidArgument("not an IPv4 address: " + host);
    }
    std::string where = host + ":" + std::to_string(port);
    int rc = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
    if (rc != 0 && errno != EINPROGRESS) {
      int err = errno;
      close(fd);
      return Status::Unavailable("nothing listens on " + where + " (" + std::strerror(err) + ")");
    }
    struct pollfd pfd{fd, POLLOUT, 0};
    rc = poll(&pfd, 1, timeout_ms);
    int so_error = 0;
    socklen_t len = sizeof(so_error);
    if (rc == 1) getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &len);
    close(fd);
    if (rc == 0) return Status::Timeout("no answer from " + where);
    if (rc < 0 || so_error != 0) {
      return Status::Unavailable("nothing listens on " + where + " (" + std::strerror(so_error) + ")");
    }
    return Status::OK();
  }

  Status CheckPortFree(const std::string& host, int port) override {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return Status::FromErrno("socket", errno);
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, host.c_str(), &addr.sin_addr);
    int rc = bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
    int err = errno;
    close(fd);
    if (rc != 0) {
      return Status::AlreadyExists("port " + host + ":" + std::to_string(port) + " is already in use (" +
                                   std::strerror(err) + ")");
    }
    return Status::OK();
  }

 private:
  uint64_t ProportionalSetBytes(int pid) {
    // Pss splits shared pages (PostgreSQL's shared buffers) among their users.
    auto rollup = ReadFile("/proc/" + std::to_string(pid) + "/smaps_rollup");
    if (!rollup.ok()) return 0;
    auto pos = rollup->find("\nPss:");
    if (pos == std::string::npos) return 0;
    return std::stoull(rollup->substr(pos + 5)) * 1024;
  }
};

}  // namespace

Env* Env::Default() {
  static Env* env = new PosixEnv();
  return env;
}

}  // namespace lakehouse
