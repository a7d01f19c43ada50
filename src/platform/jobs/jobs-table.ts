export interface JobsTable {
  jobs: {
    id: string;
    name: string;
    payload: string;
    status: 'queued' | 'running' | 'done' | 'failed';
    run_at: string;
    attempts: number;
    max_attempts: number;
    last_error: string | null;
    locked_by: string | null;
    locked_until: string | null;
    unique_key: string | null;
    created_at: string;
    finished_at: string | null;
    /** Encrypted by the caller; set to NULL when the job ends (EnqueueOptions.secret). */
    secret: string | null;
  };
  /** The workers that announced themselves, with their last heartbeat (see WorkerIdentity). */
  jobs_workers: {
    id: string;
    host: string;
    pid: number;
    started_at: string;
    heartbeat_at: string;
  };
}
